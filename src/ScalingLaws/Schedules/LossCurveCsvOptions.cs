using System.Globalization;

namespace ScalingLaws;

/// <summary>Options for reading a <see cref="LossCurve"/> from CSV.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed record LossCurveCsvOptions
{
    /// <summary>The default relative tolerance when checking a logged learning rate against the schedule.</summary>
    public const double DefaultRateTolerance = 1e-9;

    /// <summary>Gets the default options: columns <c>step</c> and <c>loss</c>, comma-delimited, the <c>lr</c> column checked
    /// against the schedule when it is present.</summary>
    public static LossCurveCsvOptions Default { get; } = new();

    /// <summary>Gets the header of the step column (non-negative integers, increasing).</summary>
    /// <value>The default value is <c>step</c>.</value>
    public string StepColumn { get; init; } = "step";

    /// <summary>Gets the header of the loss column (positive values).</summary>
    /// <value>The default value is <c>loss</c>.</value>
    public string LossColumn { get; init; } = "loss";

    /// <summary>Gets the header of a logged learning-rate column to check against the schedule, or <see langword="null"/>
    /// to skip the check. When the file has no such column the check is skipped.</summary>
    /// <value>The default value is <c>lr</c>.</value>
    public string? RateColumn { get; init; } = "lr";

    /// <summary>Gets the relative tolerance of the learning-rate check, <c>|logged − scheduled| ≤ tol·|scheduled|</c>.</summary>
    /// <value>The default value is 1e-9.</value>
    public double RateTolerance { get; init; } = DefaultRateTolerance;

    /// <summary>Gets the field delimiter.</summary>
    /// <value>The default value is <c>","</c>.</value>
    public string Delimiter { get; init; } = ",";

    /// <summary>Checks every option and throws for the first invalid one.</summary>
    /// <exception cref="ArgumentException">A column name or the delimiter is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="RateTolerance"/> is negative or NaN.</exception>
    public void Validate()
    {
        const string name = "options";
        if (string.IsNullOrWhiteSpace(StepColumn) || string.IsNullOrWhiteSpace(LossColumn) || string.IsNullOrEmpty(Delimiter)
            || (RateColumn is not null && string.IsNullOrWhiteSpace(RateColumn)))
        {
            throw new ArgumentException("LossCurveCsvOptions.StepColumn, LossColumn, RateColumn and Delimiter must not be empty.", name);
        }

        if (!(RateTolerance >= 0.0))
        {
            throw new ArgumentOutOfRangeException(name, RateTolerance,
                string.Create(CultureInfo.InvariantCulture, $"LossCurveCsvOptions.RateTolerance = {RateTolerance} must be non-negative."));
        }
    }
}
