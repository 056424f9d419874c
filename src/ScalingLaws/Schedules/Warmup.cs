using System.Globalization;

namespace ScalingLaws;

/// <summary>
/// The warmup phase at the start of a <see cref="LearningRateSchedule"/>: how many steps it lasts and how the learning rate
/// rises to the schedule's peak.
/// </summary>
/// <remarks>
/// <para>A linear warmup of <c>W</c> steps is NumPy's <c>linspace(f·peak, peak, W)</c>, endpoint included:
/// <c>η_i = f·peak + i·(peak − f·peak)/(W − 1)</c> for <c>i = 0 … W − 1</c>, with <c>η_{W−1} = peak</c> exactly.
/// With <c>f = 0</c> this is the warmup of the Multi-Power Law data (<c>linspace(0, 3e-4, 2160)</c>). The other common
/// convention, <c>η_i = peak·(i + 1)/W</c> (PyTorch <c>LambdaLR</c> recipes), is <c>Linear(W, 1.0 / W)</c>.</para>
/// <para>The schedule's post-warmup formula starts at step <c>W</c>.</para>
/// </remarks>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class Warmup
{
    private Warmup(int steps, double initialFraction)
    {
        Steps = steps;
        InitialFraction = initialFraction;
    }

    /// <summary>Gets the absence of warmup: the schedule's formula applies from step 0.</summary>
    public static Warmup None { get; } = new(0, 1.0);

    /// <summary>Gets the number of warmup steps (0 for <see cref="None"/>).</summary>
    public int Steps { get; }

    /// <summary>Gets the learning rate at step 0 as a fraction of the peak rate (1 for <see cref="None"/>).</summary>
    public double InitialFraction { get; }

    /// <summary>Creates a linear warmup, <c>linspace(initialFraction·peak, peak, steps)</c> with both ends included.</summary>
    /// <param name="steps">Number of warmup steps; at least 2 (use <see cref="None"/> for no warmup).</param>
    /// <param name="initialFraction">Learning rate at step 0 as a fraction of the peak; in [0, 1]. The default 0 starts from zero.</param>
    /// <returns>The warmup.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="steps"/> is below 2, or <paramref name="initialFraction"/>
    /// is outside [0, 1] or NaN.</exception>
    public static Warmup Linear(int steps, double initialFraction = 0.0)
    {
        if (steps < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(steps), steps,
                "A linear warmup needs at least 2 steps (its first and last rates); use Warmup.None for no warmup.");
        }

        if (!(initialFraction >= 0.0 && initialFraction <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(initialFraction), initialFraction,
                "The initial warmup rate is a fraction of the peak and must lie in [0, 1].");
        }

        return new Warmup(steps, initialFraction);
    }

    /// <summary>Describes the warmup in the invariant culture.</summary>
    /// <returns>For example <c>linear warmup over 2160 steps from 0·peak</c>.</returns>
    public override string ToString() => Steps == 0
        ? "no warmup"
        : string.Create(CultureInfo.InvariantCulture, $"linear warmup over {Steps} steps from {InitialFraction}·peak");

    /// <summary>Writes the warmup rates for the given peak into the first <see cref="Steps"/> entries of <paramref name="rates"/>.</summary>
    internal void Fill(Span<double> rates, double peakRate)
    {
        if (Steps == 0)
        {
            return;
        }

        // NumPy linspace: y = arange(num)·step + start, then y[-1] = stop.
        var start = InitialFraction * peakRate;
        var step = (peakRate - start) / (Steps - 1);
        for (var i = 0; i < Steps - 1; i++)
        {
            rates[i] = (i * step) + start;
        }

        rates[Steps - 1] = peakRate;
    }
}
