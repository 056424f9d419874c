using ScalingLaws.Tests.Core;

namespace ScalingLaws.Tests.Extrapolation;

public class ExtrapolationTests
{
    // Solver agreement: the LM fit of a power law on log residuals is the OLS line of log y on log x; both converge to
    // ~1e-10 relative, so derived intervals agree to 1e-7 relative.
    private const double SolverRelativeTolerance = 1e-7;

    private static readonly Lazy<(double[] X, double[] Y)> NoisyPowerLawData = new(() =>
    {
        var random = new Random(11);
        var x = Enumerable.Range(0, 20).Select(i => Math.Pow(10.0, 1.0 + (0.15 * i))).ToArray();
        var y = x.Select(v => 3.0 * Math.Pow(v, -0.3) * Math.Exp(0.05 * ExtrapolationTestData.Gaussian(random))).ToArray();
        return (x, y);
    });

    [Fact]
    public void Extrapolate_PowerLawOnLogResiduals_MatchesLogLogRegressionIntervals()
    {
        var (x, y) = NoisyPowerLawData.Value;
        var fit = ScalingLawFitter.Fit(new PowerLaw(), x, y, FitOptions.Default with { ResidualSpace = ResidualSpace.Log });
        var regression = LogLogRegression.Fit(x, y);

        var ours = fit.Extrapolate(1e6);
        var reference = regression.Extrapolate(1e6);

        ours.Source.Should().Be(IntervalSource.DeltaMethod);
        ours.Value.Should().BeApproximately(reference.Value, SolverRelativeTolerance * reference.Value);
        ours.ConfidenceLower.Should().BeApproximately(reference.ConfidenceLower, SolverRelativeTolerance * reference.Value);
        ours.ConfidenceUpper.Should().BeApproximately(reference.ConfidenceUpper, SolverRelativeTolerance * reference.Value);
        ours.PredictionLower.Should().BeApproximately(reference.PredictionLower, SolverRelativeTolerance * reference.Value);
        ours.PredictionUpper.Should().BeApproximately(reference.PredictionUpper, SolverRelativeTolerance * reference.Value);
    }

    [Fact]
    public void Extrapolate_LogResiduals_IntervalsAreMultiplicativeAroundValue()
    {
        var (x, y) = NoisyPowerLawData.Value;
        var fit = ScalingLawFitter.Fit(new PowerLaw(), x, y, FitOptions.Default with { ResidualSpace = ResidualSpace.Log });

        var p = fit.Extrapolate(1e6);

        // Built on log y: the value is the geometric mean of each pair of ends (exact up to rounding).
        Math.Sqrt(p.ConfidenceLower * p.ConfidenceUpper).Should().BeApproximately(p.Value, 1e-12 * p.Value);
        Math.Sqrt(p.PredictionLower * p.PredictionUpper).Should().BeApproximately(p.Value, 1e-12 * p.Value);
        p.PredictionLower.Should().BeLessThan(p.ConfidenceLower);
        p.PredictionUpper.Should().BeGreaterThan(p.ConfidenceUpper);
    }

    [Fact]
    public void Extrapolate_LinearResiduals_IntervalsAreSymmetric()
    {
        var random = new Random(5);
        var x = Enumerable.Range(1, 30).Select(i => (double)i).ToArray();
        var y = x.Select(v => 2.0 + (5.0 * Math.Pow(v, -0.5)) + (0.01 * ExtrapolationTestData.Gaussian(random))).ToArray();
        var fit = ScalingLawFitter.Fit(new SaturatingPowerLaw(), x, y);

        var p = fit.Extrapolate(100.0);

        (p.Value - p.ConfidenceLower).Should().BeApproximately(p.ConfidenceUpper - p.Value, 1e-12);
        (p.Value - p.PredictionLower).Should().BeApproximately(p.PredictionUpper - p.Value, 1e-12);
        p.ConfidenceLevel.Should().Be(0.95);
    }

    [Fact]
    public void Extrapolate_RepeatedExperiments_PredictionIntervalCoversNewObservationsAtNominalRate()
    {
        // 400 seeded experiments: fit y = 2 + 5·x^(−0.5) + ε (σ = 0.02) on x = 1..20, then draw one new observation at
        // x = 40 (outside the fitted range). The marginal coverage of a 95% prediction interval is 0.95 with binomial
        // SD 0.011; [0.92, 0.98] is about ±3 SD.
        var random = new Random(2024);
        var x = Enumerable.Range(1, 20).Select(i => (double)i).ToArray();
        var options = FitOptions.Default with { Starts = StartStrategy.FromPoint(2.0, 5.0, 0.5), MaxDegreeOfParallelism = 1 };
        const int experiments = 400;
        var covered = 0;
        for (var e = 0; e < experiments; e++)
        {
            var y = x.Select(v => 2.0 + (5.0 * Math.Pow(v, -0.5)) + (0.02 * ExtrapolationTestData.Gaussian(random))).ToArray();
            var fit = ScalingLawFitter.Fit(new SaturatingPowerLaw(), x, y, options);
            var p = fit.Extrapolate(40.0);
            var observed = 2.0 + (5.0 * Math.Pow(40.0, -0.5)) + (0.02 * ExtrapolationTestData.Gaussian(random));
            p.IsOutsideFittedRange.Should().BeTrue();
            covered += observed >= p.PredictionLower && observed <= p.PredictionUpper ? 1 : 0;
        }

        ((double)covered / experiments).Should().BeInRange(0.92, 0.98);
    }

    [Fact]
    public void Extrapolate_InputsInsideFittedRange_AreNotFlagged()
    {
        var (x, y) = NoisyPowerLawData.Value;
        var fit = ScalingLawFitter.Fit(new PowerLaw(), x, y);

        var p = fit.Extrapolate(x[3]);

        p.IsOutsideFittedRange.Should().BeFalse();
        p.IsInputOutsideFittedRange(0).Should().BeFalse();
    }

    [Fact]
    public void Extrapolate_OneInputOutsideFittedRange_FlagsOnlyThatInput()
    {
        var data = ExtrapolationTestData.SyntheticChinchilla(ChinchillaLaw.HoffmannParameters, 0.01, 3);
        var fit = ScalingLawFitter.Fit(new ChinchillaLaw(), data, FitOptions.Default with { ResidualSpace = ResidualSpace.Log });

        // N spans 1e7..10^9.8 and D spans 1e9..10^11.8 in the synthetic grid.
        var p = fit.Extrapolate(1e11, 1e10);

        p.IsOutsideFittedRange.Should().BeTrue();
        p.IsInputOutsideFittedRange(0).Should().BeTrue();
        p.IsInputOutsideFittedRange(1).Should().BeFalse();
        p.ConfidenceInterval.Contains(p.Value).Should().BeTrue();
    }

    [Fact]
    public void Extrapolate_ParameterDraws_GivesPercentilesOfDrawValues()
    {
        var (x, y) = NoisyPowerLawData.Value;
        var fit = ScalingLawFitter.Fit(new PowerLaw(), x, y, FitOptions.Default with { ResidualSpace = ResidualSpace.Log });
        IReadOnlyList<double>[] draws = [[3.0, 0.30], [2.5, 0.28], [3.5, 0.31], [2.9, 0.29], [3.1, 0.32]];
        var values = draws.Select(d => d[0] * Math.Pow(1e4, -d[1])).Order().ToArray();

        // Level 0.5: numpy's linear percentiles 25 and 75 of 5 values are exactly the 2nd and 4th order statistics.
        var p = fit.Extrapolate([1e4], draws, 0.5);

        p.Source.Should().Be(IntervalSource.ParameterDraws);
        p.SampleCount.Should().Be(5);
        // The law computes x^(−alpha) as exp(−alpha·log x), which differs from Math.Pow by an ulp or two.
        p.ConfidenceLower.Should().BeApproximately(values[1], 1e-14 * values[1]);
        p.ConfidenceUpper.Should().BeApproximately(values[3], 1e-14 * values[3]);
        p.PredictionLower.Should().BeLessThan(p.ConfidenceLower);
        p.PredictionUpper.Should().BeGreaterThan(p.ConfidenceUpper);
        p.Value.Should().BeApproximately(fit.Predict(1e4), 1e-12);
    }

    [Fact]
    public void Extrapolate_DrawOfWrongLength_ThrowsNamingTheDraw()
    {
        var (x, y) = NoisyPowerLawData.Value;
        var fit = ScalingLawFitter.Fit(new PowerLaw(), x, y);
        IReadOnlyList<double>[] draws = [[3.0, 0.3], [3.0]];

        var act = () => fit.Extrapolate([1e4], draws);

        act.Should().Throw<ArgumentException>().WithParameterName("parameterDraws").WithMessage("*parameterDraws[1]*");
    }

    [Fact]
    public void Extrapolate_NoDraws_Throws()
    {
        var (x, y) = NoisyPowerLawData.Value;
        var fit = ScalingLawFitter.Fit(new PowerLaw(), x, y);

        var act = () => fit.Extrapolate([1e4], Array.Empty<IReadOnlyList<double>>());

        act.Should().Throw<ArgumentException>().WithParameterName("parameterDraws");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Extrapolate_InputOutsideDomain_ThrowsNamingTheInput(double value)
    {
        var (x, y) = NoisyPowerLawData.Value;
        var fit = ScalingLawFitter.Fit(new PowerLaw(), x, y);

        var act = () => fit.Extrapolate(value);

        act.Should().Throw<ArgumentException>().WithParameterName("inputValues").WithMessage("*inputValues[0]*positive and finite*");
    }

    [Fact]
    public void Extrapolate_WrongNumberOfInputs_Throws()
    {
        var (x, y) = NoisyPowerLawData.Value;
        var fit = ScalingLawFitter.Fit(new PowerLaw(), x, y);

        var act = () => fit.Extrapolate(1.0, 2.0);

        act.Should().Throw<ArgumentException>().WithParameterName("inputValues").WithMessage("*1 inputs*2 values*");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Extrapolate_ConfidenceLevelOutsideUnitInterval_Throws(double level)
    {
        var (x, y) = NoisyPowerLawData.Value;
        var fit = ScalingLawFitter.Fit(new PowerLaw(), x, y);

        var act = () => fit.Extrapolate([1e4], level);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("confidenceLevel");
    }

    [Fact]
    public void Extrapolate_NoDegreesOfFreedom_ReturnsValueWithNaNIntervals()
    {
        // Two points, two parameters: the fit is exact and has no covariance.
        var fit = ScalingLawFitter.Fit(new PowerLaw(), [1.0, 10.0], [3.0, 1.5]);

        var p = fit.Extrapolate(100.0);

        p.Value.Should().BeApproximately(0.75, 1e-9);
        p.Source.Should().Be(IntervalSource.None);
        double.IsNaN(p.ConfidenceLower).Should().BeTrue();
        double.IsNaN(p.PredictionUpper).Should().BeTrue();
    }

    [Fact]
    public void Extrapolate_Observations_ReturnsOnePredictionPerRowMatchingSinglePoints()
    {
        var data = ExtrapolationTestData.SyntheticChinchilla(ChinchillaLaw.HoffmannParameters, 0.01, 4);
        var fit = ScalingLawFitter.Fit(new ChinchillaLaw(), data, FitOptions.Default with { ResidualSpace = ResidualSpace.Log });
        var rows = new Observations(["D", "N"], [[1e10, 1e12], [1e8, 1e11]], [1.0, 1.0]);

        var predictions = fit.Extrapolate(rows);

        predictions.Should().HaveCount(2);
        predictions[0].Should().Be(fit.Extrapolate(1e8, 1e10));
        predictions[1].Should().Be(fit.Extrapolate(1e11, 1e12));
        predictions[1].IsOutsideFittedRange.Should().BeTrue();
    }

    [Fact]
    public void Extrapolate_ObservationsMissingAColumn_Throws()
    {
        var data = ExtrapolationTestData.SyntheticChinchilla(ChinchillaLaw.HoffmannParameters, 0.01, 4);
        var fit = ScalingLawFitter.Fit(new ChinchillaLaw(), data, FitOptions.Default with { ResidualSpace = ResidualSpace.Log });
        var rows = Observations.FromArrays("N", [1e8], [1.0]);

        var act = () => fit.Extrapolate(rows);

        act.Should().Throw<ArgumentException>().WithParameterName("data").WithMessage("*no column 'D'*");
    }

    [Fact]
    public void Extrapolate_CustomLawWithoutJacobian_UsesFiniteDifferencesLikeAnalyticLaw()
    {
        var (x, y) = NoisyPowerLawData.Value;
        var options = FitOptions.Default with { ResidualSpace = ResidualSpace.Log };
        var analytic = ScalingLawFitter.Fit(new PowerLaw(), x, y, options);
        var custom = new CustomLaw("custom-power", "y = A*x^(-alpha)", [new LawParameter("A", "scale", ParameterScale.Log, 0.0), new LawParameter("alpha", "exponent")],
            [new LawInput("x", "input")], (p, xs) => p[0] * Math.Pow(xs[0], -p[1]), [1.0, 0.1]);
        var fitted = ScalingLawFitter.Fit(custom, x, y, options with { Starts = StartStrategy.FromPoint([.. analytic.Parameters]) });

        var a = analytic.Extrapolate(1e6);
        var b = fitted.Extrapolate(1e6);

        // Central differences with step 1e-4·min(|θ|, SE): truncation error ~1e-8 relative.
        b.ConfidenceUpper.Should().BeApproximately(a.ConfidenceUpper, 1e-5 * a.Value);
        b.ConfidenceLower.Should().BeApproximately(a.ConfidenceLower, 1e-5 * a.Value);
    }

    [Fact]
    public void PredictionToString_CommaDecimalCulture_UsesInvariantCulture()
    {
        var (x, y) = NoisyPowerLawData.Value;
        var fit = ScalingLawFitter.Fit(new PowerLaw(), x, y);
        var p = fit.Extrapolate(1e6);

        using var scope = new CultureScope("de-DE");
        var text = p.ToString();

        text.Should().Contain("CI [").And.Contain("(95%, delta method, outside fitted range)");
        text.Should().MatchRegex(@"^\d+\.\d+");
    }
}
