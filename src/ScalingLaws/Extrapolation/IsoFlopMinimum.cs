using System.Globalization;

namespace ScalingLaws;

/// <summary>
/// The minimum of one IsoFLOP curve: a parabola of loss in <c>log N</c> fitted to the runs that share a compute budget
/// (Hoffmann et al. 2022, Approach 2), and the parameter count, token count and loss at its vertex.
/// </summary>
/// <param name="ComputeFlops">The compute budget C in FLOPs.</param>
/// <param name="ParameterCount">N*, the parameter count at the vertex (NaN when the parabola opens downward).</param>
/// <param name="TokenCount">D* = C/(k·N*).</param>
/// <param name="Loss">The parabola's value at its vertex (NaN when it opens downward).</param>
/// <param name="LogParameterCountStandardError">The delta-method standard error of <c>log N*</c> from the parabola's
/// covariance (NaN with only 3 points, which leave no degrees of freedom).</param>
/// <param name="PointCount">The number of runs at this budget.</param>
/// <param name="HasMinimum">Whether the parabola opens upward (positive curvature), so it has a minimum.</param>
/// <param name="IsWithinSampledRange">Whether the vertex lies between the smallest and largest N sampled at this budget
/// (otherwise the minimum is extrapolated and unreliable).</param>
public readonly record struct IsoFlopMinimum(double ComputeFlops, double ParameterCount, double TokenCount, double Loss,
    double LogParameterCountStandardError, int PointCount, bool HasMinimum, bool IsWithinSampledRange)
{
    /// <summary>Gets whether the parabola's coefficients are known (they are for every minimum the analysis returns).</summary>
    internal bool HasParabola { get; init; }

    /// <summary>Gets the centre of the parabola's variable: <c>u = ln N − ParabolaCentre</c>.</summary>
    internal double ParabolaCentre { get; init; }

    /// <summary>Gets the parabola's constant term.</summary>
    internal double ParabolaConstant { get; init; }

    /// <summary>Gets the parabola's linear coefficient.</summary>
    internal double ParabolaLinear { get; init; }

    /// <summary>Gets the parabola's quadratic coefficient.</summary>
    internal double ParabolaQuadratic { get; init; }

    /// <summary>Evaluates the fitted IsoFLOP parabola <c>L = c0 + c1·u + c2·u²</c>, <c>u = ln N − mean(ln N)</c>, at a
    /// parameter count, for drawing the curve; NaN when the coefficients are not known or N is not positive.</summary>
    /// <param name="parameterCount">The parameter count N.</param>
    /// <returns>The parabola's loss at N.</returns>
    public double ParabolaLoss(double parameterCount)
    {
        if (!HasParabola || !(parameterCount > 0.0))
        {
            return double.NaN;
        }

        var u = Math.Log(parameterCount) - ParabolaCentre;
        return ParabolaConstant + (ParabolaLinear * u) + (ParabolaQuadratic * u * u);
    }

    /// <summary>Returns the minimum in the invariant culture.</summary>
    /// <returns>For example <c>C = 1E+18: N* = 5.1E+07 (SE of log N* 0.04), D* = 3.3E+09, loss 3.41, 7 points</c>.</returns>
    public override string ToString() => HasMinimum
        ? string.Create(CultureInfo.InvariantCulture,
            $"C = {ComputeFlops:G4}: N* = {ParameterCount:G4} (SE of log N* {LogParameterCountStandardError:G3}), D* = {TokenCount:G4}, loss {Loss:G6}, {PointCount} points{(IsWithinSampledRange ? string.Empty : ", vertex outside the sampled N")}")
        : string.Create(CultureInfo.InvariantCulture, $"C = {ComputeFlops:G4}: no minimum (the parabola opens downward), {PointCount} points");
}
