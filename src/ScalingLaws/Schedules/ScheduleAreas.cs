namespace ScalingLaws;

/// <summary>
/// The forward area <c>S1</c> and the annealing area <c>S2</c> of a learning-rate schedule at every step: the inputs of
/// Tissue et al.'s annealing law <c>L(s) = L0 + A·S1(s)^(−alpha) − C·S2(s)</c> (<see cref="AnnealingLaw"/>).
/// </summary>
/// <remarks>
/// <para><c>S1(s) = Σ_{i≤s} η_i</c>; <c>m_0 = 0</c>, <c>m_i = λ·m_{i−1} + (η_{i−1} − η_i)</c>; <c>S2(s) = Σ_{i≤s} m_i</c>,
/// with λ = <see cref="AnnealingAreaOptions.Momentum"/>. <see cref="AnnealingAreaOptions.WarmupAccounting"/> says whether the warmup
/// steps count. Both areas take one pass over the schedule, O(T) time and memory.</para>
/// <para>Reference: H. Tissue, V. Wang, L. Wang, "Scaling Law with Learning Rate Annealing", arXiv:2408.11029 (2024).</para>
/// </remarks>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class ScheduleAreas
{
    private readonly double[] _forward;
    private readonly double[] _annealing;

    private ScheduleAreas(LearningRateSchedule schedule, AnnealingAreaOptions options, double[] forward, double[] annealing)
    {
        Schedule = schedule;
        Options = options;
        _forward = forward;
        _annealing = annealing;
    }

    /// <summary>Gets the schedule the areas were computed for.</summary>
    public LearningRateSchedule Schedule { get; }

    /// <summary>Gets the options used.</summary>
    public AnnealingAreaOptions Options { get; }

    /// <summary>Gets the forward area <c>S1(s)</c> for every step <c>s</c>.</summary>
    public IReadOnlyList<double> ForwardArea => Array.AsReadOnly(_forward);

    /// <summary>Gets the annealing area <c>S2(s)</c> for every step <c>s</c>.</summary>
    public IReadOnlyList<double> AnnealingArea => Array.AsReadOnly(_annealing);

    internal double[] ForwardArray => _forward;

    internal double[] AnnealingArray => _annealing;

    /// <summary>Computes both areas for every step of a schedule.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <param name="options">The momentum and warmup accounting; <see langword="null"/> for <see cref="AnnealingAreaOptions.Default"/>.</param>
    /// <returns>The areas.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its range.</exception>
    public static ScheduleAreas Compute(LearningRateSchedule schedule, AnnealingAreaOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        options ??= AnnealingAreaOptions.Default;
        options.Validate();
        var rates = schedule.RateArray;
        var count = rates.Length;
        var warmup = options.WarmupAccounting == WarmupAccounting.Include ? 0 : schedule.WarmupSteps;
        var forwardStart = options.WarmupAccounting == WarmupAccounting.Exclude ? schedule.WarmupSteps : 0;
        var lambda = options.Momentum;
        var forward = new double[count];
        var annealing = new double[count];
        var s1 = 0.0;
        var s2 = 0.0;
        var momentum = 0.0;
        for (var i = 0; i < count; i++)
        {
            if (i >= forwardStart)
            {
                s1 += rates[i];
            }

            if (i >= 1 && i >= warmup)
            {
                momentum = (lambda * momentum) + (rates[i - 1] - rates[i]);
            }

            s2 += momentum;
            forward[i] = s1;
            annealing[i] = s2;
        }

        return new ScheduleAreas(schedule, options, forward, annealing);
    }
}
