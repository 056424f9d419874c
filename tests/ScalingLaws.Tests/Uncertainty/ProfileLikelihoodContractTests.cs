using FluentAssertions;
using Xunit;

namespace ScalingLaws.Tests.Uncertainty;

/// <summary>
/// What a profile-likelihood result promises beyond its interval: the ends are roots of the profile to solver accuracy,
/// every profile fit it lists converged and lies on or above the minimum, and its argument checks name the argument.
/// </summary>
public class ProfileLikelihoodContractTests
{
    private static FitResult SaturatingFit() => ScalingLawFitter.Fit(new SaturatingPowerLaw(), UncertaintyData.Saturating(40, 0.05, 7));

    [Fact]
    public void Ends_AreWhereTheRefitObjectiveMeetsTheThreshold()
    {
        var fit = SaturatingFit();
        var profile = ProfileLikelihood.Interval(fit, "alpha");
        profile.IsBracketed.Should().BeTrue();
        var rise = profile.ObjectiveThreshold - profile.Objective;
        rise.Should().BePositive();

        foreach (var end in new[] { profile.Interval.Lower, profile.Interval.Upper })
        {
            var refit = ScalingLawFitter.Fit(new SaturatingPowerLaw(), fit.Data,
                FitOptions.Default with { FixedParameters = new Dictionary<string, double> { ["alpha"] = end } });
            refit.Objective.Should().BeApproximately(profile.ObjectiveThreshold, 1e-4 * rise, $"the profile objective at alpha = {end}");
        }
    }

    [Fact]
    public void Points_AreConvergedRefitsOnBothSidesAtOrAboveTheMinimum()
    {
        var fit = SaturatingFit();
        var profile = ProfileLikelihood.Interval(fit, "alpha");

        profile.Points.Should().HaveCountGreaterThan(4);
        profile.Points.Should().OnlyContain(p => p.Converged);
        profile.Points.Should().OnlyContain(p => p.Objective >= profile.Objective * (1.0 - 1e-9));
        profile.Points.Should().Contain(p => p.Value <= profile.Interval.Lower);
        profile.Points.Should().Contain(p => p.Value >= profile.Interval.Upper);
        profile.Points.Should().Contain(p => p.Value < fit.Parameters[2] && p.Value > profile.Interval.Lower);

        // Away from the estimate the profile rises on each side.
        var below = profile.Points.Where(p => p.Value <= fit.Parameters[2]).OrderByDescending(p => p.Value).Select(p => p.Objective).ToArray();
        var above = profile.Points.Where(p => p.Value >= fit.Parameters[2]).OrderBy(p => p.Value).Select(p => p.Objective).ToArray();
        below.Should().BeInAscendingOrder();
        above.Should().BeInAscendingOrder();
        profile.Points.Max(p => p.Objective).Should().BeGreaterThan(profile.ObjectiveThreshold);
    }

    [Fact]
    public void Interval_NullArguments_ThrowNamingThem()
    {
        var fit = SaturatingFit();
        FluentActions.Invoking(() => ProfileLikelihood.Interval(null!, "alpha")).Should().Throw<ArgumentNullException>().WithParameterName("fit");
        FluentActions.Invoking(() => ProfileLikelihood.Interval(fit, null!)).Should().Throw<ArgumentNullException>().WithParameterName("parameterName");
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Interval_LevelOutsideTheOpenUnitInterval_Throws(double level)
    {
        FluentActions.Invoking(() => ProfileLikelihood.Interval(SaturatingFit(), "alpha", level))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(level))
            .WithMessage("The confidence level must lie strictly between 0 and 1.*");
    }

    [Fact]
    public void Interval_NoDegreesOfFreedom_ThrowsAndOneIsEnough()
    {
        var law = new SaturatingPowerLaw();
        var three = new Observations(["x"], [[10.0, 100.0, 1000.0]], [3.0, 2.2, 1.9]);
        var exact = ScalingLawFitter.Fit(law, three);
        exact.DegreesOfFreedom.Should().Be(0);
        FluentActions.Invoking(() => ProfileLikelihood.Interval(exact, "alpha"))
            .Should().Throw<ArgumentException>().WithParameterName("fit").WithMessage("The fit has 0 residual degrees of freedom*");

        var four = new Observations(["x"], [[10.0, 100.0, 1000.0, 10000.0]], [3.0, 2.2, 1.9, 1.85]);
        var one = ScalingLawFitter.Fit(law, four);
        one.DegreesOfFreedom.Should().Be(1);
        var profile = ProfileLikelihood.Interval(one, "alpha");
        profile.Points.Should().NotBeEmpty();
        profile.Interval.Contains(one.Parameters[2]).Should().BeTrue();
    }
}
