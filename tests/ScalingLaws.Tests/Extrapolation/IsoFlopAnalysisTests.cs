namespace ScalingLaws.Tests.Extrapolation;

public class IsoFlopAnalysisTests
{
    // Hoffmann et al. (2022) Approach 3, as published (rounded): E, A, alpha, B, beta.
    private static readonly double[] Hoffmann = [1.69, 406.4, 0.34, 410.7, 0.28];

    // Porian et al.'s loss-frontier configurations tabled in SOURCE.md (published E, A, alpha in fit_results.json).
    public static TheoryData<string> TabledConfigs => new()
    {
        "rw|base|long|kaplan|kaplan|train", "rw|base|long|kaplan|standard|val", "rw|base|short|kaplan|standard|val",
        "rw|base|short|chinchilla|standard|val", "rw|tuned|short|const|standard|val", "owt2|base|long|kaplan|kaplan|train",
        "owt2|tuned|short|const|standard|val", "rw|tuned|long|const|kaplan|train",
    };

    private static StartStrategy PorianGrid { get; } = StartStrategy.Grid(new Dictionary<string, double[]>
    {
        ["E"] = new[] { -1.0, -0.5, 0.0, 0.5, 1.0 }.Select(Math.Exp).ToArray(),
        ["A"] = new[] { 0.0, 5.0, 10.0, 15.0, 20.0, 25.0 }.Select(Math.Exp).ToArray(),
        ["alpha"] = [0.0, 0.1, 0.2, 0.3],
    });

    [Fact]
    public void FindMinimum_ExactParabolaInLogN_RecoversVertex()
    {
        var n = Enumerable.Range(0, 7).Select(i => Math.Pow(10.0, 7.0 + (0.25 * i))).ToArray();
        var loss = n.Select(v => 2.5 + (0.03 * Math.Pow(Math.Log(v / 3e7), 2))).ToArray();

        var minimum = IsoFlopAnalysis.FindMinimum(1e19, n, loss);

        minimum.HasMinimum.Should().BeTrue();
        minimum.IsWithinSampledRange.Should().BeTrue();
        minimum.ParameterCount.Should().BeApproximately(3e7, 1e-9 * 3e7);
        minimum.Loss.Should().BeApproximately(2.5, 1e-12);
        minimum.TokenCount.Should().BeApproximately(1e19 / (6.0 * 3e7), 1e-9 * 1e19 / (6.0 * 3e7));
        minimum.LogParameterCountStandardError.Should().BeLessThan(1e-6);
        minimum.PointCount.Should().Be(7);
    }

    [Fact]
    public void FindMinimum_ParabolaOpeningDownward_ReportsNoMinimum()
    {
        double[] n = [1e7, 2e7, 4e7, 8e7];
        var loss = n.Select(v => 3.0 - (0.1 * Math.Pow(Math.Log(v / 2e7), 2))).ToArray();

        var minimum = IsoFlopAnalysis.FindMinimum(1e19, n, loss);

        minimum.HasMinimum.Should().BeFalse();
        double.IsNaN(minimum.ParameterCount).Should().BeTrue();
        minimum.ToString().Should().Contain("no minimum");
    }

    [Fact]
    public void FindMinimum_VertexBeyondSampledSizes_IsFlagged()
    {
        double[] n = [1e7, 2e7, 4e7, 8e7];
        var loss = n.Select(v => 3.0 + (0.1 * Math.Pow(Math.Log(v / 5e8), 2))).ToArray();

        var minimum = IsoFlopAnalysis.FindMinimum(1e19, n, loss);

        minimum.HasMinimum.Should().BeTrue();
        minimum.IsWithinSampledRange.Should().BeFalse();
        minimum.ParameterCount.Should().BeApproximately(5e8, 1e-6 * 5e8);
    }

    [Fact]
    public void ParabolaLoss_ExactQuadraticInLogN_ReproducesItEverywhere()
    {
        // L = 2 + 0.3·(ln N − ln 1e8)² sampled at five sizes: the fitted parabola is that quadratic exactly.
        static double Loss(double n) => 2.0 + (0.3 * Math.Pow(Math.Log(n) - Math.Log(1e8), 2));
        double[] sizes = [1e7, 3e7, 1e8, 3e8, 1e9];

        var minimum = IsoFlopAnalysis.FindMinimum(1e19, sizes, sizes.Select(Loss).ToArray());

        foreach (var n in new[] { 5e6, 1e8, 2e8, 4e9 })
        {
            minimum.ParabolaLoss(n).Should().BeApproximately(Loss(n), 1e-10);
        }

        minimum.ParabolaLoss(0.0).Should().Be(double.NaN);
        default(IsoFlopMinimum).ParabolaLoss(1e8).Should().Be(double.NaN, "a default value has no parabola");
    }

    [Fact]
    public void FindMinimum_FewerThanThreeDistinctSizes_Throws()
    {
        var act = () => IsoFlopAnalysis.FindMinimum(1e19, [1e7, 1e7, 2e7], [3.0, 3.1, 2.9]);

        act.Should().Throw<ArgumentException>().WithParameterName("parameterCounts").WithMessage("*at least 3 distinct*");
    }

    [Fact]
    public void Analyze_ExactChinchillaIsoFlopCurves_RecoversAllocationExponentsAndFrontier()
    {
        // Along an IsoFLOP curve of a Chinchilla law, L − E = K(C)·(e^(−alpha·u)/alpha + e^(beta·u)/beta) with
        // u = log(N/N_opt): the shape does not depend on C, so the parabola's vertex is off N_opt by the same factor at
        // every budget. The regression slope is therefore exactly a = beta/(alpha+beta), and the vertex losses follow
        // E + A'·C^(−alpha·a) exactly (methods.md §2), whatever the parabola's bias.
        var allocation = ComputeOptimalAllocation.FromParameters(Hoffmann);
        var law = new ChinchillaLaw();
        var flops = new List<double>();
        var sizes = new List<double>();
        var losses = new List<double>();
        foreach (var c in Enumerable.Range(0, 6).Select(i => 1e18 * Math.Pow(4.0, i)))
        {
            var nOpt = allocation.Allocate(c).ParameterCount;
            foreach (var j in Enumerable.Range(-4, 9))
            {
                var n = nOpt * Math.Pow(10.0, 0.1 * j + 0.03);
                flops.Add(c);
                sizes.Add(n);
                losses.Add(law.Evaluate(Hoffmann, [n, c / (6.0 * n)]));
            }
        }

        var result = IsoFlopAnalysis.Analyze(flops.ToArray(), sizes.ToArray(), losses.ToArray());

        result.Minima.Should().HaveCount(6);
        result.IsUsed.Should().AllSatisfy(u => u.Should().BeTrue());
        result.Warnings.Should().BeEmpty();
        result.ParameterCountFit.Exponent.Should().BeApproximately(allocation.ParameterCountExponent, 1e-9);
        result.TokenCountFit.Exponent.Should().BeApproximately(allocation.TokenCountExponent, 1e-9);
        var frontier = result.LossFrontier!;
        frontier.Converged.Should().BeTrue();
        // Exact data: the Huber fit on log residuals recovers E and the frontier exponent alpha·a to solver precision.
        frontier["E"].Should().BeApproximately(1.69, 1e-6);
        frontier["alpha"].Should().BeApproximately(0.34 * 0.28 / 0.62, 1e-6);
    }

    [Fact]
    public void Analyze_WeightByPrecision_UsesParabolaStandardErrors()
    {
        var random = new Random(1);
        var allocation = ComputeOptimalAllocation.FromParameters(Hoffmann);
        var law = new ChinchillaLaw();
        var flops = new List<double>();
        var sizes = new List<double>();
        var losses = new List<double>();
        foreach (var c in Enumerable.Range(0, 5).Select(i => 1e18 * Math.Pow(4.0, i)))
        {
            var nOpt = allocation.Allocate(c).ParameterCount;
            foreach (var j in Enumerable.Range(-4, 9))
            {
                var n = nOpt * Math.Pow(10.0, 0.1 * j);
                flops.Add(c);
                sizes.Add(n);
                losses.Add(law.Evaluate(Hoffmann, [n, c / (6.0 * n)]) * Math.Exp(0.002 * ExtrapolationTestData.Gaussian(random)));
            }
        }

        var options = IsoFlopOptions.Default with { WeightByPrecision = true, FitLossFrontier = false };
        var result = IsoFlopAnalysis.Analyze(flops.ToArray(), sizes.ToArray(), losses.ToArray(), options);

        var minima = result.Minima;
        var expected = LogLogRegression.Fit(minima.Select(m => m.ComputeFlops).ToArray(), minima.Select(m => m.ParameterCount).ToArray(),
            minima.Select(m => 1.0 / (m.LogParameterCountStandardError * m.LogParameterCountStandardError)).ToArray());
        result.ParameterCountFit.IsWeighted.Should().BeTrue();
        result.LossFrontier.Should().BeNull();
        minima.Should().AllSatisfy(m => m.LogParameterCountStandardError.Should().BeGreaterThan(0.0));
        result.ParameterCountFit.Exponent.Should().Be(expected.Exponent);
        result.ParameterCountFit.ExponentStandardError.Should().Be(expected.ExponentStandardError);
        // Noise of 0.2% in loss moves each vertex by a few percent; over 2.4 decades of compute the exponent stays within 0.02
        // (measured here: 0.4514 against a = 0.4516).
        result.ParameterCountFit.Exponent.Should().BeApproximately(allocation.ParameterCountExponent, 0.02);
    }

    [Fact]
    public void Analyze_BudgetWithTooFewSizes_IsLeftOutWithWarning()
    {
        double[] flops = [1e18, 1e18, 1e18, 1e18, 4e18, 4e18, 4e18, 4e18, 1.6e19, 1.6e19];
        double[] n = [1e7, 2e7, 4e7, 8e7, 2e7, 4e7, 8e7, 1.6e8, 4e7, 8e7];
        var loss = flops.Zip(n, (c, v) => 3.0 + (0.05 * Math.Pow(Math.Log(v / (2e-2 * Math.Pow(c, 0.5))), 2))).ToArray();

        var result = IsoFlopAnalysis.Analyze(flops, n, loss);

        result.Minima.Should().HaveCount(2);
        result.Warnings.Should().Contain(w => w.Contains("fewer than 3 distinct", StringComparison.Ordinal));
        result.ParameterCountFit.Exponent.Should().BeApproximately(0.5, 1e-9);
        result.LossFrontier.Should().BeNull();
    }

    [Fact]
    public void Analyze_MismatchedLengths_Throws()
    {
        var act = () => IsoFlopAnalysis.Analyze([1e18, 1e18], [1e7, 2e7, 3e7], [3.0, 2.9, 3.1]);

        act.Should().Throw<ArgumentException>().WithParameterName("computeFlops");
    }

    [Theory]
    [MemberData(nameof(TabledConfigs))]
    public void FitLossFrontier_PorianPublishedObjective_ReachesAtLeastAsLowAsPublishedParameters(string config)
    {
        // Published objective (Porian et al., analysis.py): Σ Huber(δ = 1e-3) of log residuals over 1e16 < C < 5e17, start grid
        // alpha ∈ {0, 0.1, 0.2, 0.3}, E = e^{−1…1}, A = e^{0…25}. Their solver (curve_fit, least squares, ≤ 100 evaluations)
        // only ranked starts by this objective, so its parameters are not the objective's optimum: ours must be at least as low.
        var (c, l) = FrontierPoints(config);
        var published = ExtrapolationTestData.Published[config];
        var publishedObjective = Objective(c, l, published, LossFunction.Huber(1e-3));

        var fit = IsoFlopAnalysis.FitLossFrontier(c, l, IsoFlopAnalysis.DefaultLossFrontierOptions with { Starts = PorianGrid });

        fit.Objective.Should().BeLessThanOrEqualTo(publishedObjective);
    }

    [Theory]
    [MemberData(nameof(TabledConfigs))]
    public void FitLossFrontier_PorianLeastSquares_ReproducesPublishedParametersOrLowerObjective(string config)
    {
        // What curve_fit actually minimised: the sum of squared log residuals. Within 1% of the published E, A, alpha
        // (issue #4), or a lower sum of squares where curve_fit stopped early (rw|tuned|long|const|kaplan|train: E differs by 1.7%).
        var (c, l) = FrontierPoints(config);
        var published = ExtrapolationTestData.Published[config];
        var publishedObjective = Objective(c, l, published, LossFunction.LeastSquares);

        var fit = IsoFlopAnalysis.FitLossFrontier(c, l, FitOptions.Default with { ResidualSpace = ResidualSpace.Log, Starts = PorianGrid });

        var close = Math.Abs(fit["E"] - published.E) <= 0.01 * published.E && Math.Abs(fit["A"] - published.A) <= 0.01 * published.A
            && Math.Abs(fit["alpha"] - published.Alpha) <= 0.01 * published.Alpha;
        (close || fit.Objective <= publishedObjective).Should().BeTrue(
            $"E {fit["E"]} vs {published.E}, A {fit["A"]} vs {published.A}, alpha {fit["alpha"]} vs {published.Alpha}, SSR {fit.Objective} vs {publishedObjective}");
    }

    private static (double[] Flops, double[] Losses) FrontierPoints(string config)
    {
        var rows = ExtrapolationTestData.Pairs.Where(p => p.Config == config && p.Flops > 1e16 && p.Flops < 5e17 && double.IsFinite(p.Loss)).ToArray();
        return (rows.Select(r => r.Flops).ToArray(), rows.Select(r => r.Loss).ToArray());
    }

    private static double Objective(double[] c, double[] l, PorianPublished p, LossFunction loss)
        => c.Select((v, i) => loss.Evaluate(Math.Log(l[i]) - Math.Log(p.E + (p.A * Math.Pow(v, -p.Alpha))))).Sum();
}
