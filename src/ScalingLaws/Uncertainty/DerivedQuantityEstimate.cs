using System.Globalization;

namespace ScalingLaws;

/// <summary>The delta-method estimate of a quantity derived from a fit's parameters: value, standard error and Student-t
/// interval (see <see cref="DeltaMethod"/>).</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class DerivedQuantityEstimate
{
    private readonly double[] _gradient;

    internal DerivedQuantityEstimate(double value, double standardError, ParameterInterval interval, double[] gradient,
        int degreesOfFreedom, string? unavailableReason)
    {
        Value = value;
        StandardError = standardError;
        Interval = interval;
        _gradient = gradient;
        DegreesOfFreedom = degreesOfFreedom;
        UnavailableReason = unavailableReason;
    }

    /// <summary>Gets the quantity at the fitted parameters.</summary>
    public double Value { get; }

    /// <summary>Gets the delta-method standard error <c>√(∇gᵀ·Σ·∇g)</c>; NaN when <see cref="UnavailableReason"/> says why.</summary>
    public double StandardError { get; }

    /// <summary>Gets the interval <c>value ± t(dof, (1 + level)/2)·SE</c>; NaN ends when the standard error is unavailable.</summary>
    public ParameterInterval Interval { get; }

    /// <summary>Gets the gradient of the quantity with respect to the natural parameters (0 for fixed parameters).</summary>
    public IReadOnlyList<double> Gradient => _gradient;

    /// <summary>Gets the residual degrees of freedom used for the Student-t quantile.</summary>
    public int DegreesOfFreedom { get; }

    /// <summary>Gets why the standard error is unavailable, or <see langword="null"/> when it is available.</summary>
    public string? UnavailableReason { get; }

    /// <summary>Returns <c>value ± SE [lower, upper] (level)</c> in the invariant culture.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => UnavailableReason is null
        ? string.Create(CultureInfo.InvariantCulture, $"{Value:G6} ± {StandardError:G4} {Interval}")
        : string.Create(CultureInfo.InvariantCulture, $"{Value:G6} (standard error unavailable: {UnavailableReason})");
}
