using System.Globalization;

namespace ScalingLaws;

/// <summary>Options for reading a <see cref="LearningRateSchedule"/> from CSV.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed record ScheduleCsvOptions
{
    /// <summary>Gets the default options: columns <c>step</c> and <c>lr</c>, comma-delimited, every step listed, no warmup.</summary>
    public static ScheduleCsvOptions Default { get; } = new();

    /// <summary>Gets the header of the step column (non-negative integers, increasing).</summary>
    /// <value>The default value is <c>step</c>.</value>
    public string StepColumn { get; init; } = "step";

    /// <summary>Gets the header of the learning-rate column.</summary>
    /// <value>The default value is <c>lr</c>.</value>
    public string RateColumn { get; init; } = "lr";

    /// <summary>Gets the field delimiter.</summary>
    /// <value>The default value is <c>","</c>.</value>
    public string Delimiter { get; init; } = ",";

    /// <summary>Gets how steps missing from the file are treated.</summary>
    /// <value>The default value is <see cref="ScheduleGapFill.Reject"/>.</value>
    public ScheduleGapFill Gaps { get; init; } = ScheduleGapFill.Reject;

    /// <summary>Gets how many of the first steps are warmup (see <see cref="LearningRateSchedule.WarmupSteps"/>).</summary>
    /// <value>The default value is 0.</value>
    public int WarmupSteps { get; init; }

    /// <summary>Checks every option and throws for the first invalid one.</summary>
    /// <exception cref="ArgumentException">A column name or the delimiter is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="WarmupSteps"/> is negative or <see cref="Gaps"/> is unknown.</exception>
    public void Validate()
    {
        const string name = "options";
        if (string.IsNullOrWhiteSpace(StepColumn) || string.IsNullOrWhiteSpace(RateColumn) || string.IsNullOrEmpty(Delimiter))
        {
            throw new ArgumentException("ScheduleCsvOptions.StepColumn, RateColumn and Delimiter must not be empty.", name);
        }

        if (WarmupSteps < 0)
        {
            throw new ArgumentOutOfRangeException(name, WarmupSteps,
                string.Create(CultureInfo.InvariantCulture, $"ScheduleCsvOptions.WarmupSteps = {WarmupSteps} must not be negative."));
        }

        if (!Enum.IsDefined(Gaps))
        {
            throw new ArgumentOutOfRangeException(name, Gaps, "ScheduleCsvOptions.Gaps is not a known value.");
        }
    }
}
