namespace ScalingLaws.Tests.Extrapolation;

/// <summary>The extrapolation entry points that take a <see cref="BootstrapResult"/> must agree with the draws-based ones
/// (percentile) and with <see cref="BootstrapResult.DerivedInterval"/> (other methods).</summary>
public class BootstrapExtrapolationTests
{
    private static readonly double[] Hoffmann = [1.69, 406.4, 0.34, 410.7, 0.28];

    private static readonly Lazy<(FitResult Fit, BootstrapResult Boot)> Chinchilla = new(() =>
    {
        var fit = ScalingLawFitter.Fit(new ChinchillaLaw(), ExtrapolationTestData.SyntheticChinchilla(Hoffmann, 0.01, 9),
            FitOptions.Default with { ResidualSpace = ResidualSpace.Log });
        return (fit, Bootstrap.Run(fit, new BootstrapOptions { Resamples = 200, Seed = 3 }));
    });

    [Fact]
    public void Extrapolate_BootstrapPercentile_EqualsDrawsOverload()
    {
        var (fit, boot) = Chinchilla.Value;

        var fromBootstrap = fit.Extrapolate([1e11, 2e12], boot, 0.9);
        var fromDraws = fit.Extrapolate([1e11, 2e12], boot.Samples, 0.9);

        fromBootstrap.Should().Be(fromDraws);
        fromBootstrap.Source.Should().Be(IntervalSource.ParameterDraws);
        fromBootstrap.SampleCount.Should().Be(boot.SuccessfulResamples);
    }

    [Fact]
    public void Extrapolate_BootstrapBasicMethod_UsesDerivedInterval()
    {
        var (fit, boot) = Chinchilla.Value;
        var law = fit.Law;
        var expected = boot.DerivedInterval(p => law.Evaluate(p.ToArray(), [1e11, 2e12]), 0.9, BootstrapIntervalMethod.Basic);

        var p = fit.Extrapolate([1e11, 2e12], boot, 0.9, BootstrapIntervalMethod.Basic);

        p.ConfidenceInterval.Should().Be(expected);
        p.PredictionLower.Should().BeLessThan(p.ConfidenceLower);
        p.IsOutsideFittedRange.Should().BeTrue();
    }

    [Fact]
    public void Extrapolate_BootstrapOfAnotherLaw_Throws()
    {
        var (_, boot) = Chinchilla.Value;
        var other = ScalingLawFitter.Fit(new PowerLaw(), [1.0, 2.0, 4.0, 8.0], [1.0, 0.8, 0.61, 0.5]);

        var act = () => other.Extrapolate(16.0, boot);

        act.Should().Throw<ArgumentException>().WithParameterName("bootstrap");
    }

    [Fact]
    public void Estimate_BootstrapPercentile_EqualsDrawsOverload()
    {
        var (fit, boot) = Chinchilla.Value;
        var allocation = ComputeOptimalAllocation.FromFit(fit);

        var a = allocation.Estimate(5.76e23, boot, 0.8);
        var b = allocation.Estimate(5.76e23, boot.Samples, 0.8);

        a.ParameterCountInterval.Should().Be(b.ParameterCountInterval);
        a.TokensPerParameterInterval.Should().Be(b.TokensPerParameterInterval);
        a.ParameterCountExponentInterval.Should().Be(b.ParameterCountExponentInterval);
        a.SampleCount.Should().Be(boot.SuccessfulResamples);
    }

    [Fact]
    public void Estimate_BootstrapBasicMethod_UsesDerivedInterval()
    {
        var (fit, boot) = Chinchilla.Value;
        var allocation = ComputeOptimalAllocation.FromFit(fit);
        var expected = boot.DerivedInterval(p => p[4] / (p[2] + p[4]), 0.8, BootstrapIntervalMethod.Basic);

        var estimate = allocation.Estimate(5.76e23, boot, 0.8, BootstrapIntervalMethod.Basic);

        estimate.ParameterCountExponentInterval.Should().Be(expected);
        estimate.Source.Should().Be(IntervalSource.ParameterDraws);
    }

    [Fact]
    public void EstimateForLoss_Bootstrap_EqualsDrawsOverload()
    {
        var (fit, boot) = Chinchilla.Value;
        var allocation = ComputeOptimalAllocation.FromFit(fit);

        var a = allocation.EstimateForLoss(2.0, boot, 0.9);
        var b = allocation.EstimateForLoss(2.0, boot.Samples, 0.9);

        a.ComputeFlopsInterval.Should().Be(b.ComputeFlopsInterval);
        a.ComputeFlopsInterval.Contains(a.Point.ComputeFlops).Should().BeTrue();
    }
}
