namespace ScalingLaws;

/// <summary>The shape of the decay phase of a warmup-stable-decay schedule
/// (<see cref="LearningRateSchedule.WarmupStableDecay"/>), with progress <c>p = (t − D)/(T − D)</c> from the decay start
/// <c>D</c> to the step count <c>T</c>.</summary>
public enum DecayShape
{
    /// <summary>Geometric interpolation, <c>η = peak^(1 − p) · final^p</c>; both rates must be positive.</summary>
    Exponential = 0,

    /// <summary>Linear interpolation, <c>η = peak + (final − peak)·p</c>.</summary>
    Linear = 1,

    /// <summary>Half a cosine, <c>η = final + ½·(peak − final)·(1 + cos(π·p))</c>.</summary>
    Cosine = 2,
}
