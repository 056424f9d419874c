using BenchmarkDotNet.Attributes;

namespace ScalingLaws.Benchmarks;

/// <summary>Epoch AI's bootstrap: 4000 case resamples of the 240 points, Huber(1e-3) on log residuals, warm starts
/// (scipy BFGS with analytic gradients: about 13 s on this kind of machine).</summary>
[MemoryDiagnoser]
public class BootstrapBenchmarks
{
    private FitResult _fit = null!;

    /// <summary>Fits the point estimate once.</summary>
    [GlobalSetup]
    public void Setup() => _fit = ScalingLawFitter.Fit(new ChinchillaLaw(), EpochData.Load(),
        FitOptions.Default with { Loss = LossFunction.Huber(1e-3), ResidualSpace = ResidualSpace.Log });

    /// <summary>The 4000-resample bootstrap on every core.</summary>
    [Benchmark]
    public double EpochBootstrap4000() => Bootstrap.Run(_fit, new BootstrapOptions { Resamples = 4000, Seed = 42 }).StandardError("alpha");
}
