using ScalingLaws.Tests.Core;

namespace ScalingLaws.Tests.Reliability;

/// <summary>Small valid objects the reliability tests start from (built once, shared: every type involved is immutable).</summary>
internal static class ReliabilityFixtures
{
    /// <summary>Gets 30 points of <c>1.8 + 400·x^−0.34</c> with 1% noise, x from 1e6 to 1e10.</summary>
    public static readonly Observations SaturatingData = SyntheticData.Saturating(0.01);

    private static readonly Lazy<FitResult> LazySaturatingFit = new(() => ScalingLawFitter.Fit(new SaturatingPowerLaw(), SaturatingData));
    private static readonly Lazy<FitResult> LazyChinchillaFit = new(() => ScalingLawFitter.Fit(new ChinchillaLaw(), SyntheticData.Chinchilla(0.01)));
    private static readonly Lazy<BootstrapResult> LazySaturatingBootstrap = new(() =>
        Bootstrap.Run(SaturatingFit, new BootstrapOptions { Resamples = 20, Seed = 5 }));
    private static readonly Lazy<BootstrapResult> LazyChinchillaBootstrap = new(() =>
        Bootstrap.Run(ChinchillaFit, new BootstrapOptions { Resamples = 10, Seed = 5 }));

    /// <summary>Gets a converged fit of <see cref="SaturatingPowerLaw"/> to <see cref="SaturatingData"/>.</summary>
    public static FitResult SaturatingFit => LazySaturatingFit.Value;

    /// <summary>Gets a converged fit of <see cref="ChinchillaLaw"/> to an 8 × 8 synthetic grid.</summary>
    public static FitResult ChinchillaFit => LazyChinchillaFit.Value;

    /// <summary>Gets a 20-resample bootstrap of <see cref="SaturatingFit"/>.</summary>
    public static BootstrapResult SaturatingBootstrap => LazySaturatingBootstrap.Value;

    /// <summary>Gets a 10-resample bootstrap of <see cref="ChinchillaFit"/>.</summary>
    public static BootstrapResult ChinchillaBootstrap => LazyChinchillaBootstrap.Value;

    /// <summary>Gets a 200-step cosine schedule with a 20-step warmup.</summary>
    public static LearningRateSchedule Schedule { get; } = LearningRateSchedule.Cosine(200, 1e-3, 1e-4, Warmup.Linear(20));

    /// <summary>Gets a loss curve logged every 20 steps of <see cref="Schedule"/>.</summary>
    public static LossCurve Curve { get; } = new("run", Schedule,
        Enumerable.Range(1, 9).Select(i => i * 20).ToArray(),
        Enumerable.Range(1, 9).Select(i => 2.0 + (3.0 / Math.Sqrt(i))).ToArray());

    /// <summary>Returns a copy of <paramref name="values"/> with one entry replaced.</summary>
    public static double[] With(this double[] values, int index, double value)
    {
        var copy = (double[])values.Clone();
        copy[index] = value;
        return copy;
    }
}
