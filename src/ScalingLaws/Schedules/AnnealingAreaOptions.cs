using System.Globalization;

namespace ScalingLaws;

/// <summary>Options for the learning-rate areas <c>S1</c> and <c>S2</c> of Tissue et al.'s annealing law
/// (<see cref="ScheduleAreas"/>).</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed record AnnealingAreaOptions
{
    /// <summary>The default momentum λ of the annealing area.</summary>
    public const double DefaultMomentum = 0.999;

    /// <summary>Gets the default options: λ = 0.999, warmup included.</summary>
    public static AnnealingAreaOptions Default { get; } = new();

    /// <summary>Gets the momentum λ in <c>m_i = λ·m_{i−1} + (η_{i−1} − η_i)</c>; in [0, 1).</summary>
    /// <value>The default value is 0.999 (the value third-party reimplementations attribute to Tissue et al.'s code).</value>
    public double Momentum { get; init; } = DefaultMomentum;

    /// <summary>Gets how warmup steps are counted.</summary>
    /// <value>The default value is <see cref="WarmupAccounting.Include"/>.</value>
    public WarmupAccounting WarmupAccounting { get; init; } = WarmupAccounting.Include;

    /// <summary>Checks every option and throws for the first invalid one.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="Momentum"/> is outside [0, 1) or <see cref="WarmupAccounting"/> is unknown.</exception>
    public void Validate()
    {
        if (!(Momentum >= 0.0 && Momentum < 1.0))
        {
            throw new ArgumentOutOfRangeException("options", Momentum,
                string.Create(CultureInfo.InvariantCulture, $"AnnealingAreaOptions.Momentum = {Momentum} must lie in [0, 1)."));
        }

        if (!Enum.IsDefined(WarmupAccounting))
        {
            throw new ArgumentOutOfRangeException("options", WarmupAccounting, "AnnealingAreaOptions.WarmupAccounting is not a known value.");
        }
    }
}
