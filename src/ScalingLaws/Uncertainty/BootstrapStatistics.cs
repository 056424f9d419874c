using MathNet.Numerics.Distributions;

namespace ScalingLaws.Internal;

/// <summary>Interval arithmetic on a bootstrap distribution: quantiles, percentile, basic and BCa intervals.</summary>
internal static class BootstrapStatistics
{
    /// <summary>The sample quantile with linear interpolation between order statistics (Hyndman–Fan type 7, numpy's and R's
    /// default): <c>h = (n − 1)·p</c>, <c>Q = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋])</c>.</summary>
    /// <param name="sorted">Finite values in ascending order; at least one.</param>
    /// <param name="probability">The probability in [0, 1].</param>
    public static double Quantile(ReadOnlySpan<double> sorted, double probability)
    {
        if (double.IsNaN(probability) || sorted.IsEmpty)
        {
            return double.NaN;
        }

        var h = (sorted.Length - 1) * Math.Clamp(probability, 0.0, 1.0);
        var lower = (int)Math.Floor(h);
        if (lower >= sorted.Length - 1)
        {
            return sorted[^1];
        }

        return sorted[lower] + ((h - lower) * (sorted[lower + 1] - sorted[lower]));
    }

    /// <summary>Computes an interval from a bootstrap distribution.</summary>
    /// <param name="draws">The bootstrap values; non-finite values are ignored.</param>
    /// <param name="estimate">The point estimate θ̂ (for basic and BCa).</param>
    /// <param name="jackknife">Leave-one-out values (for the BCa acceleration); called only for BCa.</param>
    /// <param name="level">The confidence level in (0, 1).</param>
    /// <param name="method">The method.</param>
    /// <remarks>
    /// BCa (Efron 1987; Efron and Tibshirani 1993, §14.3): <c>z0 = Φ⁻¹((#{θ* &lt; θ̂} + #{θ* = θ̂}/2)/B)</c>,
    /// <c>a = Σ(θ̄₍.₎ − θ₍ᵢ₎)³ / (6·(Σ(θ̄₍.₎ − θ₍ᵢ₎)²)^{3/2})</c>, and the ends are the quantiles at
    /// <c>Φ(z0 + (z0 + z_α)/(1 − a·(z0 + z_α)))</c> for <c>α = (1 ∓ level)/2</c>. When every draw lies on one side of θ̂
    /// the bias correction is infinite and the end moves to the smallest or largest draw.
    /// </remarks>
    public static ParameterInterval Interval(IEnumerable<double> draws, double estimate, Func<IEnumerable<double>> jackknife,
        double level, BootstrapIntervalMethod method)
    {
        var sorted = draws.Where(double.IsFinite).ToArray();
        Array.Sort(sorted);
        var lowerProbability = (1.0 - level) / 2.0;
        var upperProbability = (1.0 + level) / 2.0;
        if (sorted.Length < 2)
        {
            return new ParameterInterval(double.NaN, double.NaN, level);
        }

        switch (method)
        {
            case BootstrapIntervalMethod.Basic:
                return new ParameterInterval(
                    (2.0 * estimate) - Quantile(sorted, upperProbability),
                    (2.0 * estimate) - Quantile(sorted, lowerProbability),
                    level);
            case BootstrapIntervalMethod.BCa:
                {
                    var below = 0;
                    var equal = 0;
                    foreach (var v in sorted)
                    {
                        if (v < estimate)
                        {
                            below++;
                        }
                        else if (v == estimate)
                        {
                            equal++;
                        }
                    }

                    var z0 = Normal.InvCDF(0.0, 1.0, (below + (0.5 * equal)) / sorted.Length);
                    var acceleration = Acceleration(jackknife());
                    double Adjusted(double probability)
                    {
                        var z = Normal.InvCDF(0.0, 1.0, probability);
                        var shifted = z0 + z;
                        if (double.IsInfinity(z0))
                        {
                            return z0 > 0.0 ? 1.0 : 0.0;
                        }

                        return Normal.CDF(0.0, 1.0, z0 + (shifted / (1.0 - (acceleration * shifted))));
                    }

                    return new ParameterInterval(Quantile(sorted, Adjusted(lowerProbability)), Quantile(sorted, Adjusted(upperProbability)), level);
                }

            default:
                return new ParameterInterval(Quantile(sorted, lowerProbability), Quantile(sorted, upperProbability), level);
        }
    }

    /// <summary>The jackknife estimate of the BCa acceleration; 0 when it cannot be estimated.</summary>
    public static double Acceleration(IEnumerable<double> jackknife)
    {
        var values = jackknife.Where(double.IsFinite).ToArray();
        if (values.Length < 2)
        {
            return 0.0;
        }

        var mean = values.Average();
        double cubes = 0.0, squares = 0.0;
        foreach (var v in values)
        {
            var d = mean - v;
            squares += d * d;
            cubes += d * d * d;
        }

        return squares > 0.0 ? cubes / (6.0 * Math.Pow(squares, 1.5)) : 0.0;
    }

    /// <summary>The sample standard deviation with ddof = 1 (numpy's <c>np.cov</c>) over finite values; NaN with fewer than two.</summary>
    public static double StandardDeviation(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        if (finite.Length < 2)
        {
            return double.NaN;
        }

        var mean = finite.Average();
        var sum = 0.0;
        foreach (var v in finite)
        {
            sum += (v - mean) * (v - mean);
        }

        return Math.Sqrt(sum / (finite.Length - 1));
    }
}
