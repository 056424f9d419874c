using System.Globalization;

namespace ScalingLaws;

/// <summary>A two-sided interval for a parameter or a derived quantity.</summary>
/// <param name="Lower">The lower end.</param>
/// <param name="Upper">The upper end.</param>
/// <param name="ConfidenceLevel">The nominal coverage, for example 0.95.</param>
public readonly record struct ParameterInterval(double Lower, double Upper, double ConfidenceLevel)
{
    /// <summary>Gets a value indicating whether both ends are finite.</summary>
    public bool IsFinite => double.IsFinite(Lower) && double.IsFinite(Upper);

    /// <summary>Gets a value indicating whether the interval contains a value.</summary>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> when <c>Lower ≤ value ≤ Upper</c>.</returns>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>Returns <c>[lower, upper] (95%)</c> in the invariant culture.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"[{Lower:G6}, {Upper:G6}] ({ConfidenceLevel * 100:G6}%)");
}
