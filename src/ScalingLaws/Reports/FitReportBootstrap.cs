namespace ScalingLaws;

/// <summary>The bootstrap settings and outcome in a <see cref="FitReport"/> (per-parameter results are in
/// <see cref="FitReportParameter"/>).</summary>
public sealed record FitReportBootstrap
{
    /// <summary>Gets the master seed; the same seed reproduces the same draws (not used when
    /// <see cref="ExplicitRows"/> is true).</summary>
    public required long Seed { get; init; }

    /// <summary>Gets a value indicating whether the resamples' rows were given explicitly
    /// (<see cref="BootstrapOptions.ExplicitRows"/>, for example replayed NumPy draws) instead of drawn from
    /// <see cref="Seed"/>.</summary>
    public bool ExplicitRows { get; init; }

    /// <summary>Gets the number of resamples requested.</summary>
    public required int Resamples { get; init; }

    /// <summary>Gets the number of resamples whose fit succeeded.</summary>
    public required int SuccessfulResamples { get; init; }

    /// <summary>Gets the number of resamples whose fit failed (not dropped silently).</summary>
    public required int FailedResamples { get; init; }

    /// <summary>Gets how resampled data sets were built.</summary>
    public required BootstrapResampling Resampling { get; init; }

    /// <summary>Gets a value indicating whether each resample also ran the fit's start strategy.</summary>
    public required bool MultiStart { get; init; }

    /// <summary>Gets how the intervals were read off the bootstrap distribution.</summary>
    public required BootstrapIntervalMethod IntervalMethod { get; init; }

    /// <summary>Gets the confidence level of the bootstrap intervals.</summary>
    public required double ConfidenceLevel { get; init; }

    /// <summary>Gets warnings about the bootstrap run.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
}
