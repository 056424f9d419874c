namespace ScalingLaws.Internal;

/// <summary>
/// Small allocation-free numerical kernels shared by the literature laws: stable softplus and logistic functions, a
/// safeguarded monotone root finder, and a tiny sign-constrained linear least-squares solver used by data-aware default
/// starts (a variable-projection search carried out inside <see cref="ScalingLaw.GetDefaultStarts"/>).
/// </summary>
internal static class LiteratureMath
{
    /// <summary>The largest number of linear coefficients <see cref="SolveSignConstrained"/> handles.</summary>
    public const int MaxLinearCoefficients = 4;

    /// <summary>Computes <c>log(1 + e^z)</c> without overflow.</summary>
    public static double Softplus(double z) => z > 0.0 ? z + Math.Log(1.0 + Math.Exp(-z)) : Math.Log(1.0 + Math.Exp(z));

    /// <summary>Computes the logistic function <c>1/(1 + e^(−z))</c> without overflow.</summary>
    public static double Sigmoid(double z)
    {
        if (z >= 0.0)
        {
            return 1.0 / (1.0 + Math.Exp(-z));
        }

        var e = Math.Exp(z);
        return e / (1.0 + e);
    }

    /// <summary>
    /// Solves <c>φ(z) = target</c> for a strictly increasing function φ on the whole real line by expanding a bracket from
    /// <paramref name="guess"/> and then running Newton steps that fall back to bisection whenever a step leaves the bracket
    /// (a monotone, always-convergent safeguarded Newton method). Returns NaN when no bracket is found.
    /// </summary>
    /// <typeparam name="TFunction">The function, evaluated with its derivative.</typeparam>
    /// <param name="function">φ and φ′ at z.</param>
    /// <param name="target">The value to reach.</param>
    /// <param name="guess">A starting point.</param>
    /// <returns>The root, accurate to about 1e-14 relative.</returns>
    public static double SolveIncreasing<TFunction>(in TFunction function, double target, double guess)
        where TFunction : struct, IMonotoneFunction
    {
        const int MaxExpansions = 200;
        const int MaxIterations = 200;
        if (!double.IsFinite(guess))
        {
            guess = 0.0;
        }

        // Bracket [lo, hi] with φ(lo) < target < φ(hi).
        var lo = guess;
        var hi = guess;
        var step = 1.0;
        var flo = function.Value(lo, out _) - target;
        if (double.IsNaN(flo))
        {
            return double.NaN;
        }

        if (flo == 0.0)
        {
            return lo;
        }

        double fhi;
        if (flo < 0.0)
        {
            var found = false;
            for (var e = 0; e < MaxExpansions; e++)
            {
                hi = lo + step;
                fhi = function.Value(hi, out _) - target;
                if (fhi >= 0.0)
                {
                    found = true;
                    break;
                }

                lo = hi;
                step *= 2.0;
            }

            if (!found)
            {
                return double.NaN;
            }
        }
        else
        {
            var found = false;
            for (var e = 0; e < MaxExpansions; e++)
            {
                lo = hi - step;
                var f = function.Value(lo, out _) - target;
                if (f <= 0.0)
                {
                    found = true;
                    break;
                }

                hi = lo;
                step *= 2.0;
            }

            if (!found)
            {
                return double.NaN;
            }
        }

        var z = 0.5 * (lo + hi);
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var f = function.Value(z, out var derivative) - target;
            if (f == 0.0)
            {
                return z;
            }

            if (f < 0.0)
            {
                lo = z;
            }
            else
            {
                hi = z;
            }

            var next = z - (f / derivative);
            if (!(next > lo && next < hi))
            {
                next = 0.5 * (lo + hi);
            }

            if (Math.Abs(next - z) <= 1e-15 * Math.Max(1.0, Math.Abs(z)) || hi - lo <= 1e-15 * Math.Max(1.0, Math.Abs(z)))
            {
                return next;
            }

            z = next;
        }

        return z;
    }

    /// <summary>
    /// Minimises <c>Σ_i w_i·(y_i − Σ_k c_k·basis[k·n + i])²</c> subject to <c>c_k ≥ 0</c> for every k whose bit is set in
    /// <paramref name="nonNegativeMask"/>, by enumerating which constrained coefficients are zero (exact for m ≤ 4).
    /// </summary>
    /// <param name="basis">Column-major basis values, length m·n.</param>
    /// <param name="y">Targets, length n.</param>
    /// <param name="weights">Row weights, length n.</param>
    /// <param name="m">Number of coefficients (at most <see cref="MaxLinearCoefficients"/>).</param>
    /// <param name="nonNegativeMask">Bit k set when coefficient k must be non-negative.</param>
    /// <param name="coefficients">Receives the coefficients (length ≥ m).</param>
    /// <returns>The weighted residual sum of squares, or +∞ when no feasible solution was found.</returns>
    public static double SolveSignConstrained(ReadOnlySpan<double> basis, ReadOnlySpan<double> y, ReadOnlySpan<double> weights,
        int m, int nonNegativeMask, Span<double> coefficients)
    {
        var n = y.Length;
        Span<double> gram = stackalloc double[MaxLinearCoefficients * MaxLinearCoefficients];
        Span<double> rhs = stackalloc double[MaxLinearCoefficients];
        var yy = 0.0;
        for (var i = 0; i < n; i++)
        {
            var w = weights[i];
            yy += w * y[i] * y[i];
            for (var k = 0; k < m; k++)
            {
                var bk = basis[(k * n) + i];
                if (!double.IsFinite(bk))
                {
                    return double.PositiveInfinity;
                }

                rhs[k] += w * bk * y[i];
                for (var l = 0; l <= k; l++)
                {
                    gram[(k * m) + l] += w * bk * basis[(l * n) + i];
                }
            }
        }

        for (var k = 0; k < m; k++)
        {
            for (var l = 0; l < k; l++)
            {
                gram[(l * m) + k] = gram[(k * m) + l];
            }
        }

        var objective = SmallDense.SignConstrainedLeastSquares(gram[..(m * m)], rhs[..m], m, nonNegativeMask, coefficients);
        return double.IsFinite(objective) ? Math.Max(yy + objective, 0.0) : double.PositiveInfinity;
    }

    /// <summary>Returns row weights for data-aware start searches: <c>1/y²</c> (relative errors) when every target is
    /// positive, otherwise 1.</summary>
    public static double[] RelativeWeights(ReadOnlySpan<double> target)
    {
        var weights = new double[target.Length];
        var positive = true;
        foreach (var y in target)
        {
            positive &= y > 0.0 && double.IsFinite(y);
        }

        for (var i = 0; i < target.Length; i++)
        {
            weights[i] = positive ? 1.0 / (target[i] * target[i]) : 1.0;
        }

        return weights;
    }

    /// <summary>Returns <paramref name="count"/> values spaced evenly between <paramref name="first"/> and <paramref name="last"/>.</summary>
    public static double[] Linear(double first, double last, int count)
        => count == 1 ? [first] : Enumerable.Range(0, count).Select(i => first + ((last - first) * i / (count - 1))).ToArray();

    /// <summary>Returns <paramref name="count"/> values spaced evenly in logarithm between <paramref name="first"/> and
    /// <paramref name="last"/> (both positive).</summary>
    public static double[] Logarithmic(double first, double last, int count)
        => Linear(Math.Log(first), Math.Log(last), count).Select(Math.Exp).ToArray();

    /// <summary>Returns the minimum and maximum of a column.</summary>
    public static (double Min, double Max) Range(ReadOnlySpan<double> values)
    {
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        foreach (var v in values)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        return (min, max);
    }

    /// <summary>Evaluates <paramref name="law"/> at natural parameters and returns <c>Σ w_i·(y_i − f_i)²</c>, or +∞ when a value is
    /// not finite. For data-aware start searches only (it allocates).</summary>
    public static double WeightedSse(ScalingLaw law, ReadOnlySpan<double> natural, LawInputs inputs, ReadOnlySpan<double> target,
        ReadOnlySpan<double> weights)
    {
        var values = new double[target.Length];
        law.Evaluate(natural, inputs, values, []);
        var sse = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            var r = target[i] - values[i];
            sse += weights[i] * r * r;
        }

        return double.IsFinite(sse) ? sse : double.PositiveInfinity;
    }
}
