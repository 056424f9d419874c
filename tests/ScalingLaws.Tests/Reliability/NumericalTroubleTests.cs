using ScalingLaws.Tests.Core;

namespace ScalingLaws.Tests.Reliability;

/// <summary>
/// Issue 8, part 1 (numerical half): input that is valid but cannot determine the answer — a constant target, a single
/// distinct x, as many points as parameters, a law that evaluates to NaN — must not throw and must not come back silently:
/// the result carries a status, a warning or a reason that says what went wrong.
/// </summary>
public class NumericalTroubleTests
{
    private static readonly double[] X = SyntheticData.LogSpace(1e6, 1e10, 12);

    private static readonly Lazy<Dictionary<string, NumericalTroubleCase>> ByName = new(() => AllCases().ToDictionary(c => c.ToString(), StringComparer.Ordinal));

    /// <summary>Gets the name of every case.</summary>
    public static TheoryData<string> Cases => new(ByName.Value.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Cases))]
    public void EntryPoint_NumericalTrouble_ReturnsResultWithReason(string name)
    {
        var trouble = ByName.Value[name];
        IReadOnlyList<string>? reasons = null;

        var thrown = ExceptionPolicy.RunAllowingDocumented(() => reasons = trouble.Run(), name);

        thrown.Should().BeNull($"{name} is valid input; numerical trouble is reported in the result, not thrown");
        reasons.Should().Contain(r => r.Contains(trouble.Expected, StringComparison.OrdinalIgnoreCase),
            $"{name} must come back with a reason mentioning '{trouble.Expected}', not silently");
    }

    [Fact]
    public void BootstrapRun_FitWithoutDegreesOfFreedom_WarnsInsteadOfZeroWidthIntervals()
    {
        var fit = ScalingLawFitter.Fit(new SaturatingPowerLaw(), ReliabilityFixtures.SaturatingData.SelectRows([0, 10, 20]));

        var boot = Bootstrap.Run(fit, new BootstrapOptions { Resamples = 20, Seed = 1 });

        fit.DegreesOfFreedom.Should().Be(0);
        boot.Warnings.Should().Contain(w => w.Contains("degrees of freedom", StringComparison.Ordinal),
            "intervals of width 0 from an interpolating fit are a confident wrong answer");
    }

    private static List<string> Reasons(FitResult fit)
    {
        var reasons = new List<string>(fit.Warnings) { fit.Diagnostics.Status.ToString(), fit.Diagnostics.Message };
        if (fit.CovarianceUnavailableReason is not null)
        {
            reasons.Add(fit.CovarianceUnavailableReason);
        }

        return reasons;
    }

    private static NumericalTroubleCase FitCase(string input, ScalingLaw law, Observations data, string expected, FitOptions? options = null)
        => new("ScalingLawFitter.Fit", $"{law.Name}, {input}", () => Reasons(ScalingLawFitter.Fit(law, data, options)), expected);

    private static IEnumerable<NumericalTroubleCase> AllCases()
    {
        var saturating = new SaturatingPowerLaw();
        var constant = Enumerable.Repeat(2.5, X.Length).ToArray();
        yield return FitCase("constant target", saturating, Observations.FromArrays("x", X, constant), "identif");
        yield return FitCase("constant target, log residuals", saturating, Observations.FromArrays("x", X, constant), "identif",
            FitOptions.Default with { ResidualSpace = ResidualSpace.Log });
        yield return FitCase("one distinct x", saturating, Observations.FromArrays("x", Enumerable.Repeat(1e8, 12).ToArray(),
            SyntheticData.Normal(12, 3).Select(z => 3.0 + (0.01 * z)).ToArray()), "identif");
        yield return FitCase("two distinct x", saturating, Observations.FromArrays("x", [.. Enumerable.Repeat(1e7, 6), .. Enumerable.Repeat(1e9, 6)],
            SyntheticData.Normal(12, 4).Select((z, i) => (i < 6 ? 3.0 : 2.0) + (0.01 * z)).ToArray()), "identif");
        yield return FitCase("as many points as parameters", saturating, ReliabilityFixtures.SaturatingData.SelectRows([0, 10, 20]), "degrees of freedom");
        yield return FitCase("one iteration allowed", saturating, ReliabilityFixtures.SaturatingData, "MaxIterations",
            FitOptions.Default with { MaxIterations = 1, Starts = StartStrategy.FromPoint(0.1, 1.0, 1.5) });

        var chinchilla = SyntheticData.Chinchilla(0.01);
        var oneD = chinchilla.WithColumn("D", Enumerable.Repeat(1e10, chinchilla.Count).ToArray());
        yield return FitCase("every run on the same token count", new ChinchillaLaw(), oneD, "identif");

        var annealing = SyntheticData.Annealing(0.0);
        var noAnnealing = annealing.WithColumn("S2", new double[annealing.Count]);
        yield return FitCase("annealing area always zero", new AnnealingLaw(), noAnnealing, "C");

        var nanLaw = new CustomLaw("nan", "y = NaN", [new LawParameter("a", "a")], [new LawInput("x", "x")], (p, x) => double.NaN, [1.0]);
        yield return FitCase("law evaluates to NaN everywhere", nanLaw, Observations.FromArrays("x", X, constant), "not finite");
        var overflowLaw = new CustomLaw("overflow", "y = exp(a*x)", [new LawParameter("a", "a")], [new LawInput("x", "x")], (p, x) => Math.Exp(p[0] * x[0]), [1.0]);
        yield return FitCase("law overflows at the start", overflowLaw, Observations.FromArrays("x", X, constant), "not finite");

        yield return new NumericalTroubleCase("FitResult.Extrapolate", "fit without covariance", () =>
        {
            var fit = ScalingLawFitter.Fit(saturating, ReliabilityFixtures.SaturatingData.SelectRows([0, 10, 20]));
            var prediction = fit.Extrapolate(1e12);
            return [prediction.Source.ToString(), .. fit.Warnings];
        }, nameof(IntervalSource.None));

        yield return new NumericalTroubleCase("DeltaMethod.Estimate", "fit without covariance", () =>
        {
            var fit = ScalingLawFitter.Fit(saturating, ReliabilityFixtures.SaturatingData.SelectRows([0, 10, 20]));
            var estimate = DeltaMethod.Estimate(fit, p => p[2]);
            return [estimate.UnavailableReason ?? "(none)", estimate.ToString()];
        }, "covariance");

        yield return new NumericalTroubleCase("ProfileLikelihood.Interval", "unidentifiable exponent (constant target plus noise)", () =>
        {
            var noisy = SyntheticData.Normal(X.Length, 5).Select(z => 2.5 + (0.003 * z)).ToArray();
            var fit = ScalingLawFitter.Fit(saturating, Observations.FromArrays("x", X, noisy));
            var profile = ProfileLikelihood.Interval(fit, "alpha", 0.9, 10);
            return [.. profile.Warnings, profile.LowerStatus.ToString(), profile.UpperStatus.ToString()];
        }, "NotBracketed");

        yield return new NumericalTroubleCase("LogLogRegression.Fit", "two points", () =>
        {
            var fit = LogLogRegression.Fit([1.0, 10.0], [3.0, 2.0]);
            return [fit.ExponentInterval.ToString(), fit.ExponentStandardError.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        }, "NaN");
    }
}
