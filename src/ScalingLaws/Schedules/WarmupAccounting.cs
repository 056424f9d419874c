namespace ScalingLaws;

/// <summary>How the warmup steps of a schedule (<see cref="LearningRateSchedule.WarmupSteps"/>) enter the forward area
/// <c>S1</c> and the annealing area <c>S2</c> of <see cref="ScheduleAreas"/>.</summary>
public enum WarmupAccounting
{
    /// <summary>Every step counts as it is: <c>S1</c> sums from step 0 and the momentum sees the rising warmup rates, so
    /// <c>S2</c> is negative during and just after the warmup. This is the convention of the reference fits in
    /// <c>../shared/data/mpl-lr-schedules/SOURCE.md</c>.</summary>
    Include = 0,

    /// <summary><c>S1</c> sums from step 0, but rate changes before the end of the warmup are ignored by the momentum, so
    /// <c>S2 = 0</c> until the first decrease after the warmup.</summary>
    ExcludeFromAnnealingArea = 1,

    /// <summary>Both areas start at the end of the warmup: warmup steps add nothing to <c>S1</c> or <c>S2</c>.</summary>
    Exclude = 2,
}
