namespace ScalingLaws;

/// <summary>One column of the fitted data in a <see cref="FitReport"/>: its name and range (to judge how far a prediction extrapolates).</summary>
public sealed record FitReportColumn
{
    /// <summary>Gets the column's name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the smallest value.</summary>
    public required double Minimum { get; init; }

    /// <summary>Gets the largest value.</summary>
    public required double Maximum { get; init; }
}
