using System.Globalization;

namespace ScalingLaws;

/// <summary>Bounds on one parameter; either side may be infinite.</summary>
/// <param name="Lower">The lower bound (<see cref="double.NegativeInfinity"/> for none).</param>
/// <param name="Upper">The upper bound (<see cref="double.PositiveInfinity"/> for none).</param>
public readonly record struct ParameterBounds(double Lower, double Upper)
{
    /// <summary>Gets bounds that allow every value.</summary>
    public static ParameterBounds Unbounded => new(double.NegativeInfinity, double.PositiveInfinity);

    /// <summary>Returns <c>[lower, upper]</c> in the invariant culture.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"[{Lower}, {Upper}]");
}
