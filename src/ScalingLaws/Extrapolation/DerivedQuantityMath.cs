using System.Globalization;
using MathNet.Numerics.Distributions;

namespace ScalingLaws.Internal;

/// <summary>
/// Intervals for quantities derived from fitted parameters: the delta method on a parameter covariance (with a
/// central finite-difference gradient) and percentiles over parameter draws (for example bootstrap samples).
/// </summary>
/// <remarks>
/// <para>Delta method: for <c>q = g(θ)</c>, <c>Var q ≈ ∇gᵀ·Σ·∇g</c>; the interval is <c>q ± t·SE</c> with the Student-t
/// quantile on the fit's degrees of freedom (as <see cref="FitResult.ConfidenceIntervals"/>). For strictly positive
/// quantities the interval is built on <c>log q</c> and mapped back (<c>q·exp(±t·SE/q)</c>), so it stays positive and
/// is asymmetric, as multiplicative quantities such as N_opt should be.</para>
/// <para>Gradient: central differences with Richardson extrapolation and step <c>h_k = 1e-3·min(|θ_k|, SE_k)</c> (falling
/// back to whichever is positive), so steps are small against both the value and its uncertainty; a one-sided difference is
/// used when one side is not finite. <see cref="DeltaMethod"/> uses the same gradient.</para>
/// <para>Percentiles: numpy's default linear interpolation between order statistics (Hyndman–Fan type 7). Draws whose
/// quantity is NaN are dropped and counted; infinite values take part in the ordering.</para>
/// </remarks>
internal static class DerivedQuantityMath
{
    private const double RelativeStep = 1e-3;

    /// <summary>The two-sided Student-t quantile for a confidence level, or the normal one when dof is infinite.</summary>
    public static double TQuantile(double confidenceLevel, double degreesOfFreedom)
    {
        if (!(degreesOfFreedom >= 1.0))
        {
            return double.NaN;
        }

        var p = 0.5 + (confidenceLevel / 2.0);
        return double.IsPositiveInfinity(degreesOfFreedom) ? Normal.InvCDF(0.0, 1.0, p) : StudentT.InvCDF(0.0, 1.0, degreesOfFreedom, p);
    }

    /// <summary>Finite-difference gradient of <paramref name="quantity"/> at <paramref name="theta"/>: central differences with
    /// Richardson extrapolation, <c>(4·D(h/2) − D(h))/3</c> (truncation error O(h⁴)), or a one-sided difference where one
    /// side is not finite. Components for parameters with zero standard error (fixed parameters) are 0.</summary>
    /// <param name="quantity">The quantity, a function of natural parameters.</param>
    /// <param name="theta">The point.</param>
    /// <param name="standardErrors">Standard errors (NaN when unknown), which bound the step.</param>
    public static double[] Gradient(Func<IReadOnlyList<double>, double> quantity, IReadOnlyList<double> theta, IReadOnlyList<double> standardErrors)
    {
        var p = theta.Count;
        var gradient = new double[p];
        var point = theta.ToArray();
        double Evaluate(int k, double at)
        {
            point[k] = at;
            var value = quantity(point);
            point[k] = theta[k];
            return value;
        }

        for (var k = 0; k < p; k++)
        {
            var h = Step(theta[k], standardErrors[k]);
            if (h == 0.0)
            {
                continue;
            }

            var up = Evaluate(k, theta[k] + h);
            var down = Evaluate(k, theta[k] - h);
            if (double.IsFinite(up) && double.IsFinite(down))
            {
                var upHalf = Evaluate(k, theta[k] + (h / 2.0));
                var downHalf = Evaluate(k, theta[k] - (h / 2.0));
                var coarse = (up - down) / (2.0 * h);
                var fine = (upHalf - downHalf) / h;
                gradient[k] = double.IsFinite(fine) ? ((4.0 * fine) - coarse) / 3.0 : coarse;
            }
            else
            {
                var centre = quantity(point);
                gradient[k] = double.IsFinite(up) ? (up - centre) / h : double.IsFinite(down) ? (centre - down) / h : double.NaN;
            }
        }

        return gradient;
    }

    /// <summary>The quadratic form <c>gᵀ·Σ·g</c>, skipping zero components (so fixed parameters' NaN-free zeros never meet a
    /// NaN covariance entry).</summary>
    public static double QuadraticForm(double[] gradient, ParameterMatrix covariance)
    {
        var variance = 0.0;
        for (var a = 0; a < gradient.Length; a++)
        {
            if (gradient[a] == 0.0)
            {
                continue;
            }

            for (var b = 0; b < gradient.Length; b++)
            {
                if (gradient[b] != 0.0)
                {
                    variance += gradient[a] * covariance[a, b] * gradient[b];
                }
            }
        }

        return variance;
    }

    /// <summary>The delta-method standard error of a quantity from a covariance, or NaN when unavailable.</summary>
    public static double StandardError(Func<IReadOnlyList<double>, double> quantity, IReadOnlyList<double> theta, ParameterMatrix covariance)
    {
        var p = theta.Count;
        var se = new double[p];
        for (var k = 0; k < p; k++)
        {
            se[k] = Math.Sqrt(Math.Max(0.0, covariance[k, k]));
        }

        var variance = QuadraticForm(Gradient(quantity, theta, se), covariance);
        return variance >= 0.0 ? Math.Sqrt(variance) : double.NaN;
    }

    /// <summary>A delta-method interval for a quantity, on the log scale when <paramref name="logScale"/> and the value is positive.</summary>
    public static ParameterInterval DeltaInterval(double value, double standardError, double tQuantile, double confidenceLevel, bool logScale)
    {
        if (double.IsPositiveInfinity(value) && logScale)
        {
            return new ParameterInterval(double.PositiveInfinity, double.PositiveInfinity, confidenceLevel);
        }

        if (!double.IsFinite(value) || !double.IsFinite(standardError) || !double.IsFinite(tQuantile))
        {
            return new ParameterInterval(double.NaN, double.NaN, confidenceLevel);
        }

        if (logScale && value > 0.0)
        {
            var half = tQuantile * standardError / value;
            return new ParameterInterval(value * Math.Exp(-half), value * Math.Exp(half), confidenceLevel);
        }

        var h = tQuantile * standardError;
        return new ParameterInterval(value - h, value + h, confidenceLevel);
    }

    /// <summary>Evaluates a quantity on every draw and returns the values, dropping NaN results.</summary>
    public static double[] Evaluate(IReadOnlyList<IReadOnlyList<double>> draws, Func<IReadOnlyList<double>, double> quantity, int parameterCount, string paramName)
    {
        var values = new List<double>(draws.Count);
        for (var d = 0; d < draws.Count; d++)
        {
            var draw = draws[d] ?? throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{paramName}[{d}] is null."), paramName);
            if (draw.Count != parameterCount)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"{paramName}[{d}] has {draw.Count} values but the law has {parameterCount} parameters; each draw is a natural parameter vector in the law's order."), paramName);
            }

            var v = quantity(draw);
            if (!double.IsNaN(v))
            {
                values.Add(v);
            }
        }

        return [.. values];
    }

    /// <summary>The equal-tailed percentile interval of the values at a confidence level.</summary>
    public static ParameterInterval PercentileInterval(double[] values, double confidenceLevel)
    {
        if (values.Length == 0)
        {
            return new ParameterInterval(double.NaN, double.NaN, confidenceLevel);
        }

        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        var tail = (1.0 - confidenceLevel) / 2.0;
        return new ParameterInterval(Quantile(sorted, tail), Quantile(sorted, 1.0 - tail), confidenceLevel);
    }

    /// <summary>numpy's default (linear, type 7) quantile of sorted values; infinite neighbours give an infinite result.</summary>
    public static double Quantile(double[] sorted, double probability)
    {
        var position = probability * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        var fraction = position - lower;
        var a = sorted[lower];
        var b = sorted[upper];
        if (fraction == 0.0 || a == b)
        {
            return a;
        }

        if (double.IsInfinity(a) || double.IsInfinity(b))
        {
            return double.IsInfinity(b) ? b : a;
        }

        return a + (fraction * (b - a));
    }

    /// <summary>Checks a confidence level.</summary>
    public static void CheckLevel(double confidenceLevel, string paramName)
    {
        if (!(confidenceLevel > 0.0 && confidenceLevel < 1.0))
        {
            throw new ArgumentOutOfRangeException(paramName, confidenceLevel, "The confidence level must lie strictly between 0 and 1.");
        }
    }

    /// <summary>Checks that a list of draws is not null or empty.</summary>
    public static void CheckDraws(IReadOnlyList<IReadOnlyList<double>> draws, string paramName)
    {
        ArgumentNullException.ThrowIfNull(draws, paramName);
        if (draws.Count == 0)
        {
            throw new ArgumentException("There are no parameter draws; pass at least one natural parameter vector (for example BootstrapResult.Samples).", paramName);
        }
    }

    private static double Step(double value, double standardError)
    {
        var magnitude = Math.Abs(value);
        var se = double.IsFinite(standardError) && standardError > 0.0 ? standardError : 0.0;
        if (se == 0.0 && double.IsFinite(standardError))
        {
            return 0.0; // fixed parameter (zero variance): its gradient is not needed
        }

        var scale = magnitude > 0.0 && se > 0.0 ? Math.Min(magnitude, se) : Math.Max(magnitude, se);
        return scale > 0.0 ? RelativeStep * scale : RelativeStep;
    }
}
