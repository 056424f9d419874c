using ScalingLaws.Internal;
using ScalingLaws.Tests.Core;

namespace ScalingLaws.Tests.Uncertainty;

/// <summary>
/// The resampling engine behind <see cref="Bootstrap"/>, pinned draw by draw: the residual bootstrap adds residuals from
/// the centred (least squares only) and inflated pool to the fitted values in the residual space, dividing by √weight;
/// case resampling picks rows; the jackknife leaves out exactly one row or one group.
/// </summary>
public class ResampleFitterTests
{
    private const ulong Seed = 20261205;

    public static TheoryData<string, bool, bool> ResidualCases => new()
    {
        // loss, log residuals, weighted
        { "least-squares", false, false },
        { "least-squares", false, true },
        { "least-squares", true, false },
        { "least-squares", true, true },
        { "huber", true, false },
        { "huber", false, true },
    };

    [Theory]
    [MemberData(nameof(ResidualCases))]
    public void Draw_Residuals_FittedPlusCentredInflatedResidualDividedBySqrtWeight(string loss, bool logResiduals, bool weighted)
    {
        var fit = Fit(loss, logResiduals, weighted);
        var n = fit.Data.Count;
        const int q = 2;
        var engine = new ResampleFitter(fit, BootstrapResampling.Residuals, multiStart: false, maxIterations: null);

        // The pool: residuals in the residual space, weighted, centred for least squares only, inflated by √(n/(n − q)).
        var centre = loss == "huber" ? 0.0 : fit.Residuals.Average();
        var inflation = Math.Sqrt((double)n / (n - q));
        var pool = fit.Residuals.Select(r => (r - centre) * inflation).ToArray();
        var random = new SeededRandom(Seed);
        var replica = new SeededRandom(Seed);

        var resample = engine.Draw(ref random)!;

        resample.N.Should().Be(n);
        for (var i = 0; i < n; i++)
        {
            var fitted = logResiduals ? Math.Log(fit.FittedValues[i]) : fit.FittedValues[i];
            var sqrtWeight = weighted ? Math.Sqrt(fit.Data.Weights![i]) : 1.0;
            var expected = fitted + (pool[replica.NextInt(n)] / sqrtWeight);
            resample.TransformedTarget[i].Should().BeApproximately(expected, 1e-12 * Math.Max(1.0, Math.Abs(expected)), $"row {i}");
        }

        resample.SqrtWeights.Should().BeEquivalentTo(engine.Problem.SqrtWeights, "the weights stay with their rows");
    }

    [Fact]
    public void Draw_ResidualsOfLeastSquares_PoolHasMeanZeroAndInflatedSpread()
    {
        // Many draws: the resampled errors have mean 0 (centred pool) and variance RSS/(n − q) (inflated pool), the
        // unbiased residual variance, where the raw residuals would give RSS/n.
        var fit = Fit("least-squares", logResiduals: false, weighted: false);
        var n = fit.Data.Count;
        Math.Abs(fit.Residuals.Average()).Should().BeGreaterThan(1e-3 * Math.Sqrt(fit.Residuals.Sum(r => r * r) / n),
            "the raw residuals must not be centred already, or centring would not be tested");
        var engine = new ResampleFitter(fit, BootstrapResampling.Residuals, multiStart: false, maxIterations: null);
        var random = new SeededRandom(Seed);
        double sum = 0, sumSquares = 0;
        var count = 0;
        for (var b = 0; b < 400; b++)
        {
            var resample = engine.Draw(ref random)!;
            for (var i = 0; i < n; i++)
            {
                var e = resample.TransformedTarget[i] - fit.FittedValues[i];
                sum += e;
                sumSquares += e * e;
                count++;
            }
        }

        var rss = fit.Residuals.Sum(r => r * r);
        var poolMean = fit.Residuals.Average();
        var poolVariance = ((rss / n) - (poolMean * poolMean)) * n / (n - 2);
        var mean = sum / count;
        var variance = (sumSquares / count) - (mean * mean);
        mean.Should().BeApproximately(0.0, 5.0 * Math.Sqrt(poolVariance / count));
        variance.Should().BeApproximately(poolVariance, 0.05 * poolVariance);
    }

    [Fact]
    public void Draw_Cases_PicksRowsWithTheirInputsTargetsAndWeights()
    {
        var fit = Fit("least-squares", logResiduals: true, weighted: true);
        var n = fit.Data.Count;
        var engine = new ResampleFitter(fit, BootstrapResampling.Cases, multiStart: false, maxIterations: null);
        var random = new SeededRandom(Seed);
        var replica = new SeededRandom(Seed);

        var resample = engine.Draw(ref random)!;

        for (var i = 0; i < n; i++)
        {
            var row = replica.NextInt(n);
            resample.TransformedTarget[i].Should().Be(engine.Problem.TransformedTarget[row], $"row {i} is row {row}");
            resample.SqrtWeights![i].Should().Be(engine.Problem.SqrtWeights![row]);
            resample.Data.Column("x")[i].Should().Be(fit.Data.Column("x")[row]);
        }
    }

    [Fact]
    public void LeaveOut_Rows_DropsExactlyThatRowInOrder()
    {
        var fit = Fit("least-squares", logResiduals: false, weighted: false);
        var n = fit.Data.Count;
        var engine = new ResampleFitter(fit, BootstrapResampling.Cases, multiStart: false, maxIterations: null);

        engine.JackknifeCount.Should().Be(n);
        foreach (var unit in new[] { 0, 7, n - 1 })
        {
            var problem = engine.LeaveOut(unit)!;
            var expected = Enumerable.Range(0, n).Where(i => i != unit).Select(i => fit.Data.Column("x")[i]);
            problem.Data.Column("x").Should().Equal(expected, $"unit {unit}");
            problem.TransformedTarget.Should().Equal(Enumerable.Range(0, n).Where(i => i != unit).Select(i => engine.Problem.TransformedTarget[i]));
        }
    }

    [Fact]
    public void LeaveOut_Clusters_DropsExactlyThatGroupsRows()
    {
        var fit = Fit("least-squares", logResiduals: false, weighted: false);
        var n = fit.Data.Count;
        // Groups in first-appearance order c, a, b (interleaved rows): unit 1 is group "a".
        var groups = Enumerable.Range(0, n).Select(i => (i % 3) switch { 0 => "c", 1 => "a", _ => "b" }).ToArray();
        var grouped = ScalingLawFitter.Fit(fit.Law, fit.Data.WithGroups(groups), fit.Options);
        var engine = new ResampleFitter(grouped, BootstrapResampling.Clusters, multiStart: false, maxIterations: null);

        engine.JackknifeCount.Should().Be(3);
        var problem = engine.LeaveOut(1)!;

        var kept = Enumerable.Range(0, n).Where(i => groups[i] != "a").ToArray();
        problem.Data.Column("x").Should().Equal(kept.Select(i => fit.Data.Column("x")[i]));
        problem.Data.Groups.Should().NotContain("a");
    }

    [Fact]
    public void LeaveOut_TooFewRowsLeft_Null()
    {
        // Three points and three parameters: leaving one out leaves fewer rows than parameters.
        double[] x = [1e6, 1e8, 1e10];
        var data = SyntheticData.Generate(new SaturatingPowerLaw(), SyntheticData.SaturatingTruth, ["x"], [x], 0.0, seed: 1);
        var fit = ScalingLawFitter.Fit(new SaturatingPowerLaw(), data, FitOptions.Default with { Starts = StartStrategy.FromPoint(SyntheticData.SaturatingTruth) });
        var engine = new ResampleFitter(fit, BootstrapResampling.Cases, multiStart: false, maxIterations: null);

        engine.LeaveOut(0).Should().BeNull();
    }

    [Fact]
    public void LeaveOut_ExactlyAsManyRowsLeftAsParameters_StillAProblem()
    {
        // Four points, three parameters: leaving one out leaves three rows, enough to fit.
        double[] x = [1e6, 1e7, 1e8, 1e10];
        var data = SyntheticData.Generate(new SaturatingPowerLaw(), SyntheticData.SaturatingTruth, ["x"], [x], 0.0, seed: 1);
        var fit = ScalingLawFitter.Fit(new SaturatingPowerLaw(), data, FitOptions.Default with { Starts = StartStrategy.FromPoint(SyntheticData.SaturatingTruth) });
        var engine = new ResampleFitter(fit, BootstrapResampling.Cases, multiStart: false, maxIterations: null);

        engine.LeaveOut(2)!.N.Should().Be(3);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    public void Constructor_Clusters_NeedsAtLeastTwoGroups(int groupCount, bool accepted)
    {
        var fit = Fit("least-squares", logResiduals: false, weighted: false);
        var groups = Enumerable.Range(0, fit.Data.Count).Select(i => $"run {i % groupCount}").ToArray();
        var grouped = ScalingLawFitter.Fit(fit.Law, fit.Data.WithGroups(groups), fit.Options);

        var create = () => new ResampleFitter(grouped, BootstrapResampling.Clusters, multiStart: false, maxIterations: null);

        if (accepted)
        {
            create().JackknifeCount.Should().Be(2);
        }
        else
        {
            create.Should().Throw<ArgumentException>().WithMessage("*at least 2 groups*have 1.*");
        }
    }

    private static FitResult Fit(string loss, bool logResiduals, bool weighted)
    {
        // A power law: in linear space it has no intercept, so its least-squares residuals do not sum to zero and the
        // centring of the pool matters.
        var data = SyntheticData.PowerLaw(0.05, seed: 5);
        if (weighted)
        {
            data = data.WithWeights(Enumerable.Range(0, data.Count).Select(i => 0.5 + (0.1 * i)).ToArray());
        }

        var options = FitOptions.Default with
        {
            ResidualSpace = logResiduals ? ResidualSpace.Log : ResidualSpace.Linear,
            Loss = loss == "huber" ? LossFunction.Huber(logResiduals ? 0.01 : 0.05) : LossFunction.LeastSquares,
        };
        return ScalingLawFitter.Fit(new PowerLaw(), data, options);
    }
}
