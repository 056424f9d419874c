namespace ScalingLaws.Tests.Uncertainty;

public class ProfileLikelihoodTests
{
    [Fact]
    public void Interval_ModelLinearInItsParameters_EqualsWaldInterval()
    {
        // y = A·x^(−alpha) on log residuals is linear in (log A, alpha), so ΔRSS is exactly quadratic and the F-calibrated
        // profile interval of alpha equals the Student-t Wald interval; only the root finder's tolerance (1e-7 of the
        // distance) and the solver's tolerances remain.
        var fit = ScalingLawFitter.Fit(new PowerLaw(), UncertaintyData.PowerLaw(30, 0.05, 2), FitOptions.Default with { ResidualSpace = ResidualSpace.Log });
        var wald = fit.ConfidenceIntervals[1];
        var tolerance = 1e-6 * (wald.Upper - wald.Lower);

        var profile = ProfileLikelihood.Interval(fit, "alpha");

        profile.IsBracketed.Should().BeTrue();
        profile.Interval.Lower.Should().BeApproximately(wald.Lower, tolerance);
        profile.Interval.Upper.Should().BeApproximately(wald.Upper, tolerance);
        profile.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Interval_WellConditionedNonlinearFit_CloseToWaldInterval()
    {
        // E + A·x^(−alpha) over four decades, 40 points, 5% noise: mildly nonlinear, so the profile interval may be slightly
        // asymmetric; its ends stay within 10% of the Wald half-width of the Wald ends.
        var fit = ScalingLawFitter.Fit(new SaturatingPowerLaw(), UncertaintyData.Saturating(40, 0.05, 7));
        var wald = fit.ConfidenceIntervals[2];
        var halfWidth = (wald.Upper - wald.Lower) / 2.0;

        var profile = ProfileLikelihood.Interval(fit, "alpha");

        profile.IsBracketed.Should().BeTrue();
        profile.Interval.Lower.Should().BeApproximately(wald.Lower, 0.1 * halfWidth);
        profile.Interval.Upper.Should().BeApproximately(wald.Upper, 0.1 * halfWidth);
        profile.Points.Select(p => p.Value).Should().BeInAscendingOrder().And.Contain(fit.Parameters[2]);
        profile.ObjectiveThreshold.Should().BeGreaterThan(profile.Objective);
    }

    [Fact]
    public void Interval_LogScaledParameter_SteppedInLogSpaceAndContainsEstimate()
    {
        var fit = ScalingLawFitter.Fit(new SaturatingPowerLaw(), UncertaintyData.Saturating(40, 0.05, 7));

        var profile = ProfileLikelihood.Interval(fit, "A", 0.9);

        profile.IsBracketed.Should().BeTrue();
        profile.Interval.ConfidenceLevel.Should().Be(0.9);
        profile.Interval.Contains(fit["A"]).Should().BeTrue();
        profile.Interval.Lower.Should().BeGreaterThan(0.0);
    }

    [Fact]
    public void Interval_EstimateAtBound_ReportsReachedBoundInsteadOfThrowing()
    {
        // Pure power-law data fitted with a constant E ≥ 0: E's estimate sits at (or next to) 0, and the profile stays below
        // the threshold down to the bound.
        var data = UncertaintyData.PowerLaw(30, 0.02, 5);
        var fit = ScalingLawFitter.Fit(new SaturatingPowerLaw(), data, FitOptions.Default with { ResidualSpace = ResidualSpace.Log });

        var profile = ProfileLikelihood.Interval(fit, "E");

        profile.LowerStatus.Should().Be(ProfileEndStatus.ReachedBound);
        profile.Interval.Lower.Should().Be(0.0);
        profile.UpperStatus.Should().Be(ProfileEndStatus.Found);
        profile.IsBracketed.Should().BeFalse();
    }

    [Fact]
    public void Interval_UnidentifiableParameter_ReportsNotBracketedInsteadOfThrowing()
    {
        // y = a + (b + c)·x: b and c are aliased, so fixing c changes nothing (b compensates) and the profile is flat.
        var law = new CustomLaw("aliased", "y = a + (b + c)*x",
            [new LawParameter("a", "intercept"), new LawParameter("b", "slope part"), new LawParameter("c", "other slope part")],
            [new LawInput("x", "input", InputDomain.Finite)],
            (p, x) => p[0] + ((p[1] + p[2]) * x[0]),
            [0.0, 1.0, 1.0]);
        var x = Enumerable.Range(0, 20).Select(i => (double)i).ToArray();
        var z = UncertaintyData.Normal(20, 8);
        var y = x.Select((v, i) => 1.0 + (2.0 * v) + (0.1 * z[i])).ToArray();
        var fit = ScalingLawFitter.Fit(law, x, y, FitOptions.Default with { Starts = StartStrategy.FromPoint(0.0, 1.0, 1.0) });

        var profile = ProfileLikelihood.Interval(fit, "c", maxSteps: 5);

        profile.LowerStatus.Should().Be(ProfileEndStatus.NotBracketed);
        profile.UpperStatus.Should().Be(ProfileEndStatus.NotBracketed);
        profile.Interval.Lower.Should().Be(double.NaN);
        profile.Interval.Upper.Should().Be(double.NaN);
        profile.ToString().Should().Contain("NotBracketed");
    }

    [Fact]
    public void Interval_HuberWithHugeDelta_EqualsLeastSquaresProfile()
    {
        // With δ far above every residual the Huber loss is r²/2 everywhere, ξ = Σr²/(n − p) = s², and the objective-based
        // rule is the least-squares F rule; the reported objective (Huber sum = RSS/2) differs only by the factor 2.
        var data = UncertaintyData.Saturating(40, 0.05, 7);
        var leastSquares = ScalingLawFitter.Fit(new SaturatingPowerLaw(), data);
        var huber = ScalingLawFitter.Fit(new SaturatingPowerLaw(), data, FitOptions.Default with { Loss = LossFunction.Huber(1e6) });

        var expected = ProfileLikelihood.Interval(leastSquares, "alpha").Interval;
        var actual = ProfileLikelihood.Interval(huber, "alpha").Interval;

        // Two separate fits and root searches: agreement to 1e-6 of the width.
        var tolerance = 1e-6 * (expected.Upper - expected.Lower);
        actual.Lower.Should().BeApproximately(expected.Lower, tolerance);
        actual.Upper.Should().BeApproximately(expected.Upper, tolerance);
    }

    [Fact]
    public void Interval_HuberOnGaussianNoise_CloseToSandwichWaldInterval()
    {
        // δ equal to the noise SD: about 68% of residuals inside δ, so Σψ' and Σψ² are well estimated and the profile and the
        // sandwich Wald interval rest on the same moments; they agree to 15% of the half-width (mild nonlinearity).
        var data = UncertaintyData.Saturating(60, 0.05, 17);
        var fit = ScalingLawFitter.Fit(new SaturatingPowerLaw(), data, FitOptions.Default with { Loss = LossFunction.Huber(0.05) });
        var wald = fit.ConfidenceIntervals[2];
        var halfWidth = (wald.Upper - wald.Lower) / 2.0;

        var profile = ProfileLikelihood.Interval(fit, "alpha");

        profile.IsBracketed.Should().BeTrue();
        profile.Interval.Lower.Should().BeApproximately(wald.Lower, 0.15 * halfWidth);
        profile.Interval.Upper.Should().BeApproximately(wald.Upper, 0.15 * halfWidth);
    }

    [Fact]
    public void Interval_HuberOnEpochData_BracketsTheEstimate()
    {
        var fit = ScalingLawFitter.Fit(new ChinchillaLaw(), UncertaintyData.EpochData, UncertaintyData.EpochOptions);

        var profile = ProfileLikelihood.Interval(fit, "alpha");

        profile.IsBracketed.Should().BeTrue();
        profile.Interval.Contains(fit["alpha"]).Should().BeTrue();
        profile.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Interval_FixedParameter_ThrowsNamingIt()
    {
        var fit = ScalingLawFitter.Fit(new SaturatingPowerLaw(), UncertaintyData.Saturating(40, 0.05, 7),
            FitOptions.Default with { FixedParameters = new Dictionary<string, double> { ["E"] = 1.0 } });

        var act = () => ProfileLikelihood.Interval(fit, "E");

        act.Should().Throw<ArgumentException>().WithParameterName("parameterName").WithMessage("*'E' is fixed*");
    }

    [Fact]
    public void Interval_ZeroMaxSteps_Throws()
    {
        var fit = ScalingLawFitter.Fit(new SaturatingPowerLaw(), UncertaintyData.Saturating(40, 0.05, 7));

        var act = () => ProfileLikelihood.Interval(fit, "alpha", maxSteps: 0);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("maxSteps");
    }
}
