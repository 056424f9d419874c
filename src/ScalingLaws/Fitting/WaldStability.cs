using System.Globalization;

namespace ScalingLaws.Internal;

/// <summary>
/// Checks whether the linearisation behind the Wald intervals holds across those intervals: the standard errors are
/// recomputed at the ends of each parameter's interval (moving the other parameters along the linearised profile trace,
/// <c>θ̂ ± t·Σ e_k / σ_k</c>) and compared with those at the optimum.
/// </summary>
/// <remarks>
/// Where a fit lies in a curved valley (an exponent so small that its term trades off against the constant, a scale
/// that tends to zero inside its interval), the standard errors at the optimum describe a neighbourhood much smaller
/// than the interval they are used to build: the truth can lie many reported standard errors away although no pair of
/// parameters is correlated beyond the correlation warning. Within an interval where the linearisation holds, the
/// standard errors change little (the relative change is of the order of the relative curvature times the interval
/// width); a change by more than <see cref="FactorWarning"/> means the interval is not a confidence interval in
/// any useful sense. The idea is the one behind Bates and Watts's parameter-effects curvature (D. M. Bates, D. G. Watts,
/// <i>Relative curvature measures of nonlinearity</i>, J. R. Stat. Soc. B 42 (1980) 1–25), measured directly where it
/// matters, at the interval ends, with 2q Jacobian evaluations.
/// </remarks>
internal static class WaldStability
{
    /// <summary>A standard error that changes by more than this factor across the interval is reported.</summary>
    public const double FactorWarning = 2.0;

    // Fraction of the distance to a bound a trace point may go (the bound itself can make the Jacobian singular, which
    // is the point, but must stay evaluable).
    private const double BoundFraction = 0.99;

    // Ridge added to the unit diagonal of the Jacobi-scaled JᵀJ: degenerate directions give huge (about 1e6 times),
    // finite standard errors instead of a failed factorisation.
    private const double Ridge = 1e-12;

    /// <summary>Returns the warning, or <see langword="null"/> when every standard error is stable across its interval.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="natural">The solution, natural parameters (all p).</param>
    /// <param name="jacobian">Natural-parameter residual Jacobian at the solution, column-major n × q.</param>
    /// <param name="covariance">Covariance of the free parameters (row-major q × q).</param>
    /// <param name="tQuantile">The quantile the intervals are built with.</param>
    /// <param name="ws">A workspace of the problem's size.</param>
    public static string? Check(FitProblem problem, double[] natural, double[] jacobian, double[] covariance, double tQuantile,
        SolverWorkspace ws)
    {
        var n = problem.N;
        var p = problem.P;
        var q = problem.Q;
        if (q == 0 || !double.IsFinite(tQuantile))
        {
            return null;
        }

        // Log-scaled parameters are compared on their own (log) scale, through relative standard errors: a scale parameter
        // whose value changes by a factor along the trace changes its absolute standard error by the same factor, which
        // says nothing about the shape of the objective.
        var gram = new double[q * q];
        var inverseFactor = new double[q * q];
        var reference = StandardErrors(jacobian, n, q, gram, inverseFactor);
        if (reference is null)
        {
            return null;
        }

        Relative(problem, natural, reference);

        // The trace runs in the internal coordinates (the logarithm of log-scaled parameters), where the solver works and
        // where the intervals of log-scaled parameters are built: scale = the value for a log-scaled parameter, else 1.
        var scale = new double[q];
        var center = new double[q];
        for (var e = 0; e < q; e++)
        {
            var k = problem.FreeIndex[e];
            scale[e] = problem.IsLog[k] ? natural[k] : 1.0;
            center[e] = problem.IsLog[k] ? Math.Log(natural[k]) : natural[k];
        }

        var worst = new double[q];
        Array.Fill(worst, 1.0);
        var worstAt = new int[q];
        var point = new double[p];
        var theta = new double[q];
        var residuals = new double[n];
        var jInternal = new double[n * q];
        var jNatural = new double[n * q];
        for (var c = 0; c < q; c++)
        {
            var sigma = Math.Sqrt(covariance[(c * q) + c]) / scale[c];
            if (!(sigma > 0.0) || !double.IsFinite(sigma))
            {
                continue;
            }

            for (var sign = -1; sign <= 1; sign += 2)
            {
                // Trace point: parameter c at the end of its interval, the others at their conditional optimum (linearised).
                var fraction = 1.0;
                for (var e = 0; e < q; e++)
                {
                    var step = sign * tQuantile * covariance[(e * q) + c] / (scale[e] * scale[c] * sigma);
                    var room = step < 0.0 ? center[e] - problem.Lower[e] : problem.Upper[e] - center[e];
                    if (Math.Abs(step) > 0.0 && room < Math.Abs(step))
                    {
                        fraction = Math.Min(fraction, BoundFraction * room / Math.Abs(step));
                    }
                }

                if (!(fraction > 1e-6))
                {
                    continue; // At a bound: reported by its own warning.
                }

                for (var e = 0; e < q; e++)
                {
                    theta[e] = center[e] + (fraction * sign * tQuantile * covariance[(e * q) + c] / (scale[e] * scale[c] * sigma));
                }

                if (!double.IsFinite(problem.Evaluate(theta, ws, residuals, jInternal)))
                {
                    continue;
                }

                problem.ToNatural(theta, point);
                for (var e = 0; e < q; e++)
                {
                    var k = problem.FreeIndex[e];
                    var divisor = problem.IsLog[k] ? point[k] : 1.0;
                    for (var i = 0; i < n; i++)
                    {
                        jNatural[(e * n) + i] = jInternal[(e * n) + i] / divisor;
                    }
                }

                var there = StandardErrors(jNatural, n, q, gram, inverseFactor);
                if (there is null)
                {
                    continue;
                }

                Relative(problem, point, there);
                for (var e = 0; e < q; e++)
                {
                    var ratio = there[e] / reference[e];
                    var factor = ratio >= 1.0 ? ratio : 1.0 / ratio;
                    if (factor > worst[e] || double.IsNaN(factor))
                    {
                        worst[e] = double.IsNaN(factor) ? double.PositiveInfinity : factor;
                        worstAt[e] = c;
                    }
                }
            }
        }

        var flagged = Enumerable.Range(0, q).Where(e => worst[e] > FactorWarning).ToArray();
        if (flagged.Length == 0)
        {
            return null;
        }

        var names = flagged.Select(e => problem.Law.ParameterNames[problem.FreeIndex[e]]).ToArray();
        var largest = flagged.MaxBy(e => worst[e]);
        var list = names.Length == 1 ? names[0] : $"{string.Join(", ", names[..^1])} and {names[^1]}";
        var factorText = double.IsFinite(worst[largest])
            ? worst[largest].ToString("G3", CultureInfo.InvariantCulture)
            : "an unbounded factor";
        return string.Create(CultureInfo.InvariantCulture,
            $"the standard error{(names.Length == 1 ? " of" : "s of")} {list} change{(names.Length == 1 ? "s" : string.Empty)} by more than a factor of {FactorWarning:G} within the intervals (by {factorText} for {problem.Law.ParameterNames[problem.FreeIndex[largest]]} at an end of the interval of {problem.Law.ParameterNames[problem.FreeIndex[worstAt[largest]]]}): the fit lies in a curved valley and {(names.Length == 1 ? "this Wald interval is" : "these Wald intervals are")} unreliable; use profile-likelihood or bootstrap intervals");
    }

    /// <summary>Divides the standard errors of log-scaled parameters by their values (the standard error of the logarithm).</summary>
    private static void Relative(FitProblem problem, double[] natural, double[] errors)
    {
        for (var e = 0; e < problem.Q; e++)
        {
            var k = problem.FreeIndex[e];
            if (problem.IsLog[k])
            {
                errors[e] /= natural[k];
            }
        }
    }

    /// <summary>Standard errors up to the common factor s: √diag((JᵀJ)⁻¹), from the Cholesky factor of the Jacobi-scaled
    /// JᵀJ plus a ridge of <see cref="Ridge"/> (so a degenerate direction gives huge standard errors rather than none).
    /// Null when not finite.</summary>
    /// <remarks>Cholesky rather than the eigendecomposition the covariance uses: only the diagonal of the inverse is
    /// needed, 2q + 1 times per fit, and the Jacobi eigensolver made this check cost a third more.</remarks>
    private static double[]? StandardErrors(double[] j, int n, int q, double[] m, double[] inverseFactor)
    {
        for (var a = 0; a < q; a++)
        {
            var column = j.AsSpan(a * n, n);
            for (var b = 0; b <= a; b++)
            {
                m[(a * q) + b] = m[(b * q) + a] = VectorKernels.Dot(column, j.AsSpan(b * n, n));
            }
        }

        var d = new double[q];
        for (var i = 0; i < q; i++)
        {
            var diagonal = m[(i * q) + i];
            if (!(diagonal > 0.0) || !double.IsFinite(diagonal))
            {
                return null;
            }

            d[i] = 1.0 / Math.Sqrt(diagonal);
        }

        for (var i = 0; i < q; i++)
        {
            for (var k = 0; k < q; k++)
            {
                m[(i * q) + k] *= d[i] * d[k];
            }

            m[(i * q) + i] += Ridge;
        }

        // Factor M = L·Lᵀ in place (lower triangle), then diag(M⁻¹)_i = Σ_k (L⁻¹)_ki².
        Span<double> unused = stackalloc double[q];
        unused.Clear();
        if (!SmallDense.CholeskySolve(m, unused, q))
        {
            return null;
        }

        Array.Clear(inverseFactor);
        for (var c = 0; c < q; c++)
        {
            // Column c of L⁻¹ by forward substitution of the unit vector e_c.
            for (var i = c; i < q; i++)
            {
                var sum = i == c ? 1.0 : 0.0;
                for (var k = c; k < i; k++)
                {
                    sum -= m[(i * q) + k] * inverseFactor[(k * q) + c];
                }

                inverseFactor[(i * q) + c] = sum / m[(i * q) + i];
            }
        }

        var errors = new double[q];
        for (var i = 0; i < q; i++)
        {
            var sum = 0.0;
            for (var k = i; k < q; k++)
            {
                var v = inverseFactor[(k * q) + i];
                sum += v * v;
            }

            errors[i] = Math.Sqrt(sum) * d[i];
        }

        return errors.All(double.IsFinite) ? errors : null;
    }
}
