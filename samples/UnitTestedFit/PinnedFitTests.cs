using ScalingLaws;

namespace UnitTestedFit;

/// <summary>
/// Pins the scaling law of a (small) model family so that a change to the training pipeline that shifts the law fails CI.
/// The losses below stand for the final validation losses of your own runs; here they are eight models from 10M to 1.3B
/// parameters. Tolerances are stated next to each assertion and chosen from the bootstrap spread, not from the point estimate.
/// </summary>
public sealed class PinnedFitTests
{
    // Final validation loss (nats/token) of each model size (parameters), from the team's training logs.
    private static readonly double[] Parameters = [1.0e7, 2.2e7, 4.7e7, 1.0e8, 2.2e8, 4.7e8, 1.0e9, 1.3e9];
    private static readonly double[] Losses = [4.1971, 3.7425, 3.3808, 3.0998, 2.8625, 2.6915, 2.5612, 2.5140];

    private static FitResult FitLaw() => ScalingLawFitter.Fit(new SaturatingPowerLaw("N"),
        Observations.FromArrays("N", Parameters, Losses),
        FitOptions.Default with { ResidualSpace = ResidualSpace.Log });

    [Fact]
    public void Fit_TrainingLosses_ConvergesWithoutWarnings()
    {
        var fit = FitLaw();

        fit.Converged.Should().BeTrue(fit.Diagnostics.Message);
        fit.RSquared.Should().BeGreaterThan(0.999);
    }

    [Fact]
    public void Fit_TrainingLosses_ExponentAndIrreducibleLossArePinned()
    {
        var fit = FitLaw();

        // Pinned values with absolute tolerances of about one standard error: a pipeline change that moves the law by
        // more than its own uncertainty fails here.
        fit["alpha"].Should().BeApproximately(0.30, 0.05);
        fit["E"].Should().BeApproximately(2.0, 0.25);
    }

    [Fact]
    public void Bootstrap_FixedSeed_IntervalsAreReproducibleAndContainThePin()
    {
        var fit = FitLaw();
        var options = new BootstrapOptions { Resamples = 500, Seed = 20261123 };

        var first = Bootstrap.Run(fit, options);
        var second = Bootstrap.Run(fit, options with { MaxDegreeOfParallelism = 1 });
        var interval = first.Interval("alpha", 0.95, BootstrapIntervalMethod.Percentile);

        // Same seed, same numbers, whatever the number of threads.
        second.Interval("alpha", 0.95, BootstrapIntervalMethod.Percentile).Should().Be(interval);
        first.FailedResamples.Should().Be(0);
        interval.Contains(0.30).Should().BeTrue($"the pinned exponent should lie in the bootstrap interval {interval}");
    }

    [Fact]
    public void Extrapolate_TenTimesLargerModel_StaysInsidePlannedBudget()
    {
        var fit = FitLaw();

        var prediction = fit.Extrapolate(1.3e10);

        // The plan for the 13B run assumes a loss below 2.35; fail if the law no longer supports it.
        prediction.IsOutsideFittedRange.Should().BeTrue();
        prediction.Value.Should().BeLessThan(2.35);
        prediction.ConfidenceUpper.Should().BeGreaterThan(prediction.Value);
    }
}
