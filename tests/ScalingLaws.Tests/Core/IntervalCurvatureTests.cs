using ScalingLaws.Tests.Reliability;

namespace ScalingLaws.Tests.Core;

/// <summary>
/// Wald intervals of log-scaled parameters are built on the log scale, and a fit whose standard errors change by more
/// than a factor of 2 within its intervals (a curved valley) names the parameters concerned in a warning
/// (<see cref="FitOptions.CheckIntervalCurvature"/>).
/// </summary>
public class IntervalCurvatureTests
{
    private const string Curved = "curved valley";

    private static readonly FitOptions LogResiduals = FitOptions.Default with { ResidualSpace = ResidualSpace.Log };

    // Chinchilla data, 1% noise, where the N term's exponent (1/9) is small enough to trade off against E: at the optimum
    // E and alpha are flagged as correlated, but A, correlated with neither beyond 0.99, is 9.5 of its standard errors
    // (log scale) from the truth; at the ends of alpha's interval its standard error is many times larger.
    private static readonly double[] SmallNExponent = [3.0, 5.9948425031894095, 1.0 / 9.0, 54307360.64503493, 61.0 / 66.0];
    private const int SmallNExponentSeed = 162505066;

    // The same with the D term: beta = 1/9 is fitted at 0.036 ± 0.034, whose interval reaches its bound 0, where B and E
    // become indistinguishable.
    private static readonly double[] SmallDExponent = [2.0, 123699997.30819023, 1.156052812882647, 4.78696899212023, 1.0 / 9.0];
    private const int SmallDExponentSeed = 1093125549;

    [Theory]
    [InlineData("N", "A")]
    [InlineData("D", "B")]
    public void Fit_SmallExponentTradingOffAgainstConstant_WarningNamesTheScaleItMisleads(string term, string misled)
    {
        var (truth, seed) = term == "N" ? (SmallNExponent, SmallNExponentSeed) : (SmallDExponent, SmallDExponentSeed);
        var data = CoreLaws.Get("chinchilla").Generate(truth, relativeNoise: 0.01, seed);

        var fit = ScalingLawFitter.Fit(new ChinchillaLaw(), data, LogResiduals);

        var k = fit.ParameterNames.ToList().IndexOf(misled);
        var logError = Math.Abs(Math.Log(fit.Parameters[k] / truth[k]));
        logError.Should().BeGreaterThan(5.0 * fit.StandardErrors[k] / fit.Parameters[k],
            "the linearised standard error of this parameter is over-confident here (the reason for the warning)");
        Enumerable.Range(0, truth.Length).Where(j => j != k).Should().OnlyContain(j => Math.Abs(fit.Correlation![k, j]) <= 0.99,
            "no correlation warning names it");
        var warning = fit.Warnings.Should().ContainSingle(w => w.Contains(Curved, StringComparison.Ordinal), fit.ToString()).Subject;
        LawPropertyTests.NamesParameter(warning, misled).Should().BeTrue(warning);
        warning.Should().Contain("profile-likelihood or bootstrap");
    }

    [Fact]
    public void Fit_SeveralParametersInACurvedValley_WarningListsThemAndNamesTheLargestChange()
    {
        var data = CoreLaws.Get("chinchilla").Generate(SmallNExponent, relativeNoise: 0.01, SmallNExponentSeed);

        var fit = ScalingLawFitter.Fit(new ChinchillaLaw(), data, LogResiduals);

        var warning = fit.Warnings.Single(w => w.Contains(Curved, StringComparison.Ordinal));
        var match = System.Text.RegularExpressions.Regex.Match(warning,
            @"^the standard errors of E, A and alpha change by more than a factor of 2 within the intervals \(by (?<factor>[0-9.E+]+) for A at an end of the interval of alpha\): the fit lies in a curved valley and these Wald intervals are unreliable; use profile-likelihood or bootstrap intervals$");
        match.Success.Should().BeTrue(warning);
        double.Parse(match.Groups["factor"].Value, System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThan(100.0,
            "A's standard error (log scale) grows by two orders of magnitude where alpha nears zero");
    }

    [Fact]
    public void Fit_OneParameterInACurvedValley_WarningInTheSingular()
    {
        // E + A·x^(−0.05): over x = 1e6–1e10 the term changes by a factor of 1.6 only, and E's standard error depends on
        // where alpha lies in its interval.
        var law = CoreLaws.Get("power-law-plus-constant");
        var data = law.Generate([1.0, 3.0 * Math.Pow(1e6, 0.05), 0.05], relativeNoise: 0.01, seed: 1);

        var fit = ScalingLawFitter.Fit(new SaturatingPowerLaw(), data, LogResiduals);

        var warning = fit.Warnings.Single(w => w.Contains(Curved, StringComparison.Ordinal));
        warning.Should().MatchRegex(
            @"^the standard error of E changes by more than a factor of 2 within the intervals \(by [0-9.]+ for E at an end of the interval of alpha\): the fit lies in a curved valley and this Wald interval is unreliable; use profile-likelihood or bootstrap intervals$");
    }

    [Fact]
    public void Fit_CurvatureCheckSwitchedOff_SameFitWithoutThatWarning()
    {
        var data = CoreLaws.Get("chinchilla").Generate(SmallNExponent, relativeNoise: 0.01, SmallNExponentSeed);

        var checkedFit = ScalingLawFitter.Fit(new ChinchillaLaw(), data, LogResiduals);
        var unchecked_ = ScalingLawFitter.Fit(new ChinchillaLaw(), data, LogResiduals with { CheckIntervalCurvature = false });

        unchecked_.Parameters.Should().Equal(checkedFit.Parameters);
        unchecked_.StandardErrors.Should().Equal(checkedFit.StandardErrors);
        unchecked_.Warnings.Should().Equal(checkedFit.Warnings.Where(w => !w.Contains(Curved, StringComparison.Ordinal)));
        checkedFit.Warnings.Count.Should().Be(unchecked_.Warnings.Count + 1);
    }

    [Theory]
    [InlineData("power-law")]
    [InlineData("power-law-plus-constant")]
    [InlineData("chinchilla")]
    [InlineData("lr-annealing")]
    public void Fit_WellIdentifiedLaw_NoCurvatureWarning(string lawName)
    {
        var law = CoreLaws.Get(lawName);
        double[] truth = lawName switch
        {
            "power-law" => [30.0, 0.3],
            "power-law-plus-constant" => [1.7, 400.0, 0.35],
            "chinchilla" => [1.7, 400.0, 0.34, 410.0, 0.28],
            // An annealing drop of 20% of L0 at the largest annealing area of the three schedules.
            _ => [2.0, 6.0, 0.5, 0.2 * 2.0 / law.Columns[1].Max()],
        };

        var fit = ScalingLawFitter.Fit(law.Create(), law.Generate(truth, relativeNoise: 0.01, seed: 1), LogResiduals);

        fit.Converged.Should().BeTrue(fit.ToString());
        fit.Warnings.Should().NotContain(w => w.Contains(Curved, StringComparison.Ordinal), fit.ToString());
    }

    [Fact]
    public void Fit_LogScaledParameter_IntervalIsWaldOnTheLogScale()
    {
        // Few, noisy points: A's relative standard error is large, so value ± t·SE would reach below zero.
        var x = SyntheticData.LogSpace(1e3, 1e5, 6);
        var data = SyntheticData.Generate(new PowerLaw(), [50.0, 0.3], ["x"], [x], relativeNoise: 0.3, seed: 4);

        var fit = ScalingLawFitter.Fit(new PowerLaw(), data, LogResiduals);

        var t = MathNet.Numerics.Distributions.StudentT.InvCDF(0.0, 1.0, fit.DegreesOfFreedom, 0.975);
        var a = fit.Parameters[0];
        var halfWidthOfLog = t * fit.StandardErrors[0] / a;
        halfWidthOfLog.Should().BeGreaterThan(1.0, "the case must be one where the symmetric interval would go negative");
        fit.ConfidenceIntervals[0].Lower.Should().BeApproximately(a * Math.Exp(-halfWidthOfLog), 1e-12 * a);
        fit.ConfidenceIntervals[0].Upper.Should().BeApproximately(a * Math.Exp(halfWidthOfLog), 1e-12 * a * Math.Exp(halfWidthOfLog));
        fit.ConfidenceIntervals[0].Lower.Should().BePositive();
        (fit.ConfidenceIntervals[0].Lower * fit.ConfidenceIntervals[0].Upper).Should().BeApproximately(a * a, 1e-10 * a * a, "geometric symmetry");

        // The exponent (linear scale) keeps the symmetric interval.
        var alpha = fit.Parameters[1];
        fit.ConfidenceIntervals[1].Lower.Should().BeApproximately(alpha - (t * fit.StandardErrors[1]), 1e-12);
        fit.ConfidenceIntervals[1].Upper.Should().BeApproximately(alpha + (t * fit.StandardErrors[1]), 1e-12);
    }

    [Fact]
    public void Fit_PowerLawOnLogResiduals_LogScaleIntervalHasExactCoverage()
    {
        // Log-normal noise on log residuals: a power law is then a linear regression in (ln A, alpha) with normal errors,
        // so the log-scale Wald
        // interval of A is the exact t interval: over 2000 data sets its coverage is 95% within binomial error (4 SD =
        // ±0.019). The symmetric interval A ± t·SE covers about 90% here (relative standard errors near 0.9).
        var x = SyntheticData.LogSpace(1e3, 1e5, 6);
        const double trueA = 50.0;
        var covered = 0;
        const int sets = 2000;
        for (var seed = 0; seed < sets; seed++)
        {
            var z = SyntheticData.Normal(x.Length, seed);
            var y = x.Select((xi, i) => trueA * Math.Pow(xi, -0.3) * Math.Exp(0.4 * z[i])).ToArray();
            var fit = ScalingLawFitter.Fit(new PowerLaw(), Observations.FromArrays("x", x, y),
                LogResiduals with { Starts = StartStrategy.FromPoint(trueA, 0.3) });
            covered += fit.ConfidenceIntervals[0].Lower <= trueA && trueA <= fit.ConfidenceIntervals[0].Upper ? 1 : 0;
        }

        ((double)covered / sets).Should().BeApproximately(0.95, 0.019);
    }
}
