namespace ScalingLaws;

/// <summary>The data behind a <see cref="FitReport"/>: where it came from, every filter applied, and the range of each column.</summary>
public sealed record FitReportData
{
    /// <summary>Gets the source and every transformation and filter, as recorded by <see cref="Observations.Provenance"/>.</summary>
    public required string Provenance { get; init; }

    /// <summary>Gets the name of the target (for example <c>loss</c>).</summary>
    public required string TargetName { get; init; }

    /// <summary>Gets the number of fitted rows (after filters).</summary>
    public required int Count { get; init; }

    /// <summary>Gets a value indicating whether the rows carried weights.</summary>
    public required bool IsWeighted { get; init; }

    /// <summary>Gets a value indicating whether the rows carried group labels.</summary>
    public required bool IsGrouped { get; init; }

    /// <summary>Gets every input column with its range, in the data's column order.</summary>
    public required IReadOnlyList<FitReportColumn> Columns { get; init; }

    /// <summary>Gets the range of the target.</summary>
    public required FitReportColumn Target { get; init; }
}
