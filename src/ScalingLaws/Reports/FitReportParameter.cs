namespace ScalingLaws;

/// <summary>One fitted parameter in a <see cref="FitReport"/>: value, standard error, bounds and intervals.</summary>
/// <remarks>Non-finite numbers (for example the NaN standard error of an unidentifiable parameter, or an infinite bound) are
/// written to JSON as the strings <c>"NaN"</c>, <c>"Infinity"</c> and <c>"-Infinity"</c>.</remarks>
public sealed record FitReportParameter
{
    /// <summary>Gets the parameter's name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets what the parameter means.</summary>
    public required string Description { get; init; }

    /// <summary>Gets the fitted natural value.</summary>
    public required double Value { get; init; }

    /// <summary>Gets the asymptotic standard error (NaN when unavailable, 0 when fixed).</summary>
    public required double StandardError { get; init; }

    /// <summary>Gets the lower end of the asymptotic (Student-t) interval.</summary>
    public required double Lower { get; init; }

    /// <summary>Gets the upper end of the asymptotic (Student-t) interval.</summary>
    public required double Upper { get; init; }

    /// <summary>Gets a value indicating whether the parameter was held fixed.</summary>
    public required bool IsFixed { get; init; }

    /// <summary>Gets the lower bound the fit used.</summary>
    public required double LowerBound { get; init; }

    /// <summary>Gets the upper bound the fit used.</summary>
    public required double UpperBound { get; init; }

    /// <summary>Gets how the fitter represented the parameter internally.</summary>
    public required ParameterScale Scale { get; init; }

    /// <summary>Gets the bootstrap standard error, or <see langword="null"/> without a bootstrap.</summary>
    public double? BootstrapStandardError { get; init; }

    /// <summary>Gets the lower end of the bootstrap interval, or <see langword="null"/> without a bootstrap.</summary>
    public double? BootstrapLower { get; init; }

    /// <summary>Gets the upper end of the bootstrap interval, or <see langword="null"/> without a bootstrap.</summary>
    public double? BootstrapUpper { get; init; }
}
