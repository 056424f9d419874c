using FluentAssertions;
using Xunit;

namespace ScalingLaws.Tests.Uncertainty;

/// <summary>
/// The argument checks and text of the delta method and the bootstrap: each names the argument at fault and says what
/// was wrong, and a bootstrap summary says how it was drawn.
/// </summary>
public class UncertaintyContractTests
{
    private static FitResult PowerLawFit() => ScalingLawFitter.Fit(new PowerLaw(), UncertaintyData.PowerLaw(20, 0.05, 3));

    [Fact]
    public void DeltaMethod_NullArguments_ThrowNamingThem()
    {
        var fit = PowerLawFit();
        Func<IReadOnlyList<double>, double> quantity = p => p[1];
        Func<IReadOnlyList<double>, IReadOnlyList<double>> gradient = _ => [0.0, 1.0];

        FluentActions.Invoking(() => DeltaMethod.Estimate(null!, quantity, gradient)).Should().Throw<ArgumentNullException>().WithParameterName("fit");
        FluentActions.Invoking(() => DeltaMethod.Estimate(fit, null!, gradient)).Should().Throw<ArgumentNullException>().WithParameterName("quantity");
        FluentActions.Invoking(() => DeltaMethod.Estimate(fit, quantity, (Func<IReadOnlyList<double>, IReadOnlyList<double>>)null!)).Should().Throw<ArgumentNullException>().WithParameterName("gradient");
    }

    [Fact]
    public void DeltaMethod_GradientOfTheWrongLength_SaysHowManyEntriesAndParameters()
    {
        var fit = PowerLawFit();
        FluentActions.Invoking(() => DeltaMethod.Estimate(fit, p => p[1], _ => [1.0, 2.0, 3.0]))
            .Should().Throw<ArgumentException>().WithParameterName("gradient")
            .WithMessage($"The gradient has 3 entries but the law has 2 parameters ({string.Join(", ", fit.ParameterNames)}).*");
    }

    [Fact]
    public void DeltaMethod_AnalyticGradient_GivesTheParameterStandardError()
    {
        // The quantity "the exponent itself" has gradient e_1, so its standard error is the fit's.
        var fit = PowerLawFit();
        var estimate = DeltaMethod.Estimate(fit, p => p[1], _ => [0.0, 1.0]);
        estimate.Value.Should().Be(fit.Parameters[1]);
        estimate.StandardError.Should().BeApproximately(fit.StandardErrors[1], 1e-12 * fit.StandardErrors[1]);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void DeltaMethod_LevelOutsideTheOpenUnitInterval_Throws(double level)
    {
        FluentActions.Invoking(() => DeltaMethod.Estimate(PowerLawFit(), p => p[1], level))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(level))
            .WithMessage("The confidence level must lie strictly between 0 and 1.*");
    }

    [Fact]
    public void Bootstrap_ExplicitResampleTooSmall_SaysWhichAndHowMany()
    {
        var options = new BootstrapOptions { ExplicitRows = [[0, 1, 2, 3], [4]] };
        FluentActions.Invoking(() => Bootstrap.Run(PowerLawFit(), options))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("options")
            .WithMessage("BootstrapOptions.ExplicitRows[1] has 1 rows, fewer than the 2 free parameters of the fit.*");
    }

    [Fact]
    public void Bootstrap_ExplicitResampleAtExactlyTheParameterCount_IsAccepted()
    {
        var result = Bootstrap.Run(PowerLawFit(), new BootstrapOptions { ExplicitRows = [[0, 19], [3, 11, 15]] });
        result.TotalResamples.Should().Be(2);
    }

    [Theory]
    [InlineData(20)]
    [InlineData(-1)]
    public void Bootstrap_ExplicitRowOutOfRange_NamesTheRowAndTheValidRange(int row)
    {
        var options = new BootstrapOptions { ExplicitRows = [[0, 1, 2], [5, row, 6]] };
        FluentActions.Invoking(() => Bootstrap.Run(PowerLawFit(), options))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("options")
            .WithMessage($"BootstrapOptions.ExplicitRows[1][1] = {row} is not a row of the fitted observations (0 to 19).*");
    }

    [Fact]
    public void BootstrapResult_ToString_SaysHowTheResamplesWereDrawn()
    {
        var fit = PowerLawFit();
        var seeded = Bootstrap.Run(fit, new BootstrapOptions { Resamples = 20, Seed = 42 });
        var text = seeded.ToString();
        text.Should().StartWith($"bootstrap of {fit.Law.Name}: cases resampling, 20 resamples (seed 42, warm start), {seeded.SuccessfulResamples} succeeded, {seeded.FailedResamples} failed");
        foreach (var name in fit.ParameterNames)
        {
            text.Should().Contain($"  {name,-8} = ").And.Contain("bootstrap SE ").And.Contain("percentile [");
        }

        var explicitRows = Bootstrap.Run(fit, new BootstrapOptions { ExplicitRows = [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]], MultiStart = true });
        explicitRows.ToString().Should().StartWith($"bootstrap of {fit.Law.Name}: cases resampling, 2 resamples (explicit rows, multi-start), ");
    }

    [Fact]
    public void BootstrapResult_Queries_RejectNullsAndBadLevels()
    {
        var result = Bootstrap.Run(PowerLawFit(), new BootstrapOptions { Resamples = 10, Seed = 1 });
        FluentActions.Invoking(() => result.StandardError(null!)).Should().Throw<ArgumentNullException>().WithParameterName("parameterName");
        FluentActions.Invoking(() => result.DerivedInterval(null!, 0.9, BootstrapIntervalMethod.Percentile))
            .Should().Throw<ArgumentNullException>().WithParameterName("quantity");
        FluentActions.Invoking(() => result.Interval("alpha", 1.0, BootstrapIntervalMethod.Percentile))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("level")
            .WithMessage("The confidence level must lie strictly between 0 and 1.*");
    }
}
