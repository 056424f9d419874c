namespace ScalingLaws;

/// <summary>How <see cref="LearningRateSchedule.ReadCsv(string, ScheduleCsvOptions?)"/> treats steps that the file does not list.</summary>
public enum ScheduleGapFill
{
    /// <summary>Every step from 0 to the last one must be listed; a missing step is an error.</summary>
    Reject = 0,

    /// <summary>A missing step takes the rate of the previous listed step (steps before the first listed one take its rate).</summary>
    HoldPrevious = 1,

    /// <summary>A missing step is interpolated linearly between its listed neighbours (steps before the first listed one take its rate).</summary>
    Linear = 2,
}
