using System.Globalization;
using MathNet.Numerics.Distributions;

namespace ScalingLaws.Internal;

/// <summary>Computes the statistics of a finished fit (covariance, intervals, goodness of fit, warnings) with MathNet.</summary>
internal static class FitResultBuilder
{
    private const double CorrelationWarning = 0.99;
    private const double ConditionWarning = 1e10;
    private const double SingularCondition = 1e15;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int, double), double> QuantileCache = new();

    /// <summary>Builds the result at <paramref name="theta"/>.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="theta">The solution, internal coordinates.</param>
    /// <param name="outcome">The solver's outcome there.</param>
    /// <param name="multiStart">The multi-start summary.</param>
    /// <param name="workspace">A workspace of this problem's size that may be overwritten (saves allocating one), or
    /// <see langword="null"/>.</param>
    public static FitResult Build(FitProblem problem, double[] theta, SolverOutcome outcome, MultiStartSummary multiStart,
        SolverWorkspace? workspace = null)
    {
        var n = problem.N;
        var p = problem.P;
        var q = problem.Q;
        var options = problem.Options;
        var natural = new double[p];
        problem.ToNatural(theta, natural);

        // Residuals and the Jacobian with respect to the natural parameters (delta method for log-scaled ones).
        var ws = workspace ?? new SolverWorkspace(n, p, q);
        var residuals = new double[n];
        var jInternal = new double[n * q];
        var internalObjective = problem.Evaluate(theta, ws, residuals, jInternal);
        var fitted = (double[])ws.Values.Clone();
        // Column-major natural-parameter Jacobian (n × q), the layout MathNet's dense storage uses.
        var j = new double[n * q];
        for (var c = 0; c < q; c++)
        {
            var k = problem.FreeIndex[c];
            var divisor = problem.IsLog[k] ? natural[k] : 1.0;
            for (var i = 0; i < n; i++)
            {
                j[(c * n) + i] = jInternal[(c * n) + i] / divisor;
            }
        }

        var objective = problem.ReportedObjective(internalObjective);
        var rss = 0.0;
        foreach (var r in residuals)
        {
            rss += r * r;
        }

        var dof = n - q;

        // Goodness of fit in the residual space.
        var sw = problem.SqrtWeights;
        double sumW = 0, meanNumerator = 0;
        for (var i = 0; i < n; i++)
        {
            var w = sw is null ? 1.0 : sw[i] * sw[i];
            sumW += w;
            meanNumerator += w * problem.TransformedTarget[i];
        }

        var mean = meanNumerator / sumW;
        var tss = 0.0;
        for (var i = 0; i < n; i++)
        {
            var w = sw is null ? 1.0 : sw[i] * sw[i];
            var dy = problem.TransformedTarget[i] - mean;
            tss += w * dy * dy;
        }

        var rSquared = tss > 0.0 ? 1.0 - (rss / tss) : double.NaN;
        double? logLikelihood = null, aic = null, bic = null;
        if (!problem.IsHuber && rss > 0.0)
        {
            var sumLogW = sw is null ? 0.0 : sw.Sum(s => 2.0 * Math.Log(s));
            var ll = (-0.5 * n * (Math.Log(2.0 * Math.PI * rss / n) + 1.0)) + (0.5 * sumLogW);
            logLikelihood = ll;
            aic = (2.0 * (q + 1)) - (2.0 * ll);
            bic = (Math.Log(n) * (q + 1)) - (2.0 * ll);
        }

        // Covariance, unless a parameter no longer influences the fitted values (it ran onto a plateau).
        var warnings = new List<string>();
        ws.Jacobian.AsSpan().Clear();
        jInternal.CopyTo(ws.Jacobian, 0);
        theta.CopyTo(ws.Theta, 0);
        var vanished = LevenbergMarquardt.FindVanishedParameter(problem, ws);
        var (covFree, reason, condition) = Covariance(problem, j, residuals, rss, dof, options.Covariance);
        if (vanished >= 0)
        {
            var name = problem.Law.ParameterNames[problem.FreeIndex[vanished]];
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"the fitted values no longer depend on parameter {name} = {natural[problem.FreeIndex[vanished]]:G6} (the model is on a plateau in that direction); the fit is degenerate: try other starts or bounds"));
            covFree = null;
            reason = $"parameter {name} is not identifiable at the solution (the residuals do not depend on it)";
        }
        var covariance = new double[p, p];
        var standardErrors = new double[p];
        var intervals = new ParameterInterval[p];
        ParameterMatrix? covMatrix = null, corrMatrix = null;
        var level = options.ConfidenceLevel;
        var tQuantile = dof >= 1 ? StudentTQuantile(dof, 0.5 + (level / 2.0)) : double.NaN;
        for (var k = 0; k < p; k++)
        {
            standardErrors[k] = problem.IsFixed[k] ? 0.0 : double.NaN;
            intervals[k] = problem.IsFixed[k]
                ? new ParameterInterval(natural[k], natural[k], level)
                : new ParameterInterval(double.NaN, double.NaN, level);
        }

        if (covFree is not null)
        {
            for (var a = 0; a < q; a++)
            {
                for (var b = 0; b < q; b++)
                {
                    covariance[problem.FreeIndex[a], problem.FreeIndex[b]] = covFree[(a * q) + b];
                }
            }

            var correlation = new double[p, p];
            for (var k = 0; k < p; k++)
            {
                standardErrors[k] = Math.Sqrt(Math.Max(0.0, covariance[k, k]));
                if (!problem.IsFixed[k])
                {
                    var half = tQuantile * standardErrors[k];
                    intervals[k] = problem.IsLog[k]
                        ? LogScaleInterval(natural[k], half / natural[k], level)
                        : new ParameterInterval(natural[k] - half, natural[k] + half, level);
                }
            }

            for (var a = 0; a < p; a++)
            {
                for (var b = 0; b < p; b++)
                {
                    var s = standardErrors[a] * standardErrors[b];
                    correlation[a, b] = a == b ? (problem.IsFixed[a] ? double.NaN : 1.0) : (s > 0.0 ? covariance[a, b] / s : double.NaN);
                }
            }

            covMatrix = new ParameterMatrix(problem.Law.ParameterNames, covariance);
            corrMatrix = new ParameterMatrix(problem.Law.ParameterNames, correlation);
            for (var a = 0; a < p; a++)
            {
                for (var b = a + 1; b < p; b++)
                {
                    if (Math.Abs(correlation[a, b]) > CorrelationWarning)
                    {
                        warnings.Add(string.Create(CultureInfo.InvariantCulture,
                            $"parameters {problem.Law.ParameterNames[a]} and {problem.Law.ParameterNames[b]} are strongly correlated (r = {correlation[a, b]:F4}); they are poorly identified separately by these data"));
                    }
                }
            }

            if (options.CheckIntervalCurvature && WaldStability.Check(problem, natural, j, covFree, tQuantile, ws) is { } curvature)
            {
                warnings.Add(curvature);
            }
        }

        if (covFree is null && vanished < 0 && dof >= 1 && !(condition > ConditionWarning))
        {
            // A covariance lost to overflow or a non-finite Jacobian, at an otherwise well-conditioned solution: say so among
            // the warnings too, since every interval of this fit is missing.
            warnings.Add($"standard errors are not available: {reason}");
        }

        if (condition > ConditionWarning)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"the fit is badly conditioned (condition number of the scaled JᵀJ = {condition:G3}); standard errors and extrapolations are unreliable"));
        }

        // Parameters at bounds.
        for (var c = 0; c < q; c++)
        {
            var k = problem.FreeIndex[c];
            var lo = problem.NaturalLower[k];
            var hi = problem.NaturalUpper[k];
            var v = natural[k];
            var tol = 1e-8 * (1.0 + Math.Abs(v));
            var atNaturalBound = (double.IsFinite(lo) && Math.Abs(v - lo) <= tol) || (double.IsFinite(hi) && Math.Abs(v - hi) <= tol);
            var atInternalBound = theta[c] <= problem.Lower[c] || theta[c] >= problem.Upper[c];
            if (atNaturalBound || atInternalBound)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"parameter {problem.Law.ParameterNames[k]} = {v:G6} is at its bound [{lo}, {hi}]; its standard error assumes an interior optimum"));
            }
        }

        if (outcome.Status != FitStatus.Converged)
        {
            warnings.Add($"the solver did not converge ({outcome.Status}): {outcome.Message}");
        }

        if (!double.IsFinite(objective) || !double.IsFinite(rss))
        {
            warnings.Add("the objective overflows double precision at the solution (the weights or the target are too large); "
                + "rescale them: the objective, the residual sum of squares and the statistics built on them are not usable");
        }

        var diagnostics = new FitDiagnostics(outcome.Status, outcome.Iterations, outcome.Evaluations, outcome.GradientNorm, outcome.Message);
        return new FitResult(problem.Law, problem.Data, options, natural, standardErrors, (bool[])problem.IsFixed.Clone(),
            covMatrix, corrMatrix, reason, intervals, residuals, fitted, objective, rss, dof, rSquared, logLikelihood, aic, bic,
            condition, diagnostics, multiStart, [.. warnings]);
    }

    /// <summary>Computes the covariance of the free parameters (row-major q × q), the reason when it cannot, and the
    /// condition number.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="j">Natural-parameter residual Jacobian, column-major n × q.</param>
    /// <param name="residuals">Residuals at the solution.</param>
    /// <param name="rss">Their sum of squares.</param>
    /// <param name="dof">Residual degrees of freedom.</param>
    /// <param name="method">Requested estimator.</param>
    /// <remarks>Plain q × q arrays and <see cref="SmallDense.SymmetricEigen"/> rather than MathNet matrices: see the remark
    /// there for the measurement.</remarks>
    private static (double[]? Covariance, string? Reason, double Condition) Covariance(
        FitProblem problem, double[] j, double[] residuals, double rss, int dof, CovarianceMethod method)
    {
        var n = problem.N;
        var q = problem.Q;
        if (!AllFinite(j))
        {
            return (null, "the Jacobian is not finite at the solution", double.PositiveInfinity);
        }

        // Weighted cross products Σ c_i J_i J_iᵀ over contiguous columns.
        var weights = new double[n];
        var weighted = new double[n];
        double[] Cross(double[]? w)
        {
            var m = new double[q * q];
            for (var a = 0; a < q; a++)
            {
                var column = j.AsSpan(a * n, n);
                if (w is null)
                {
                    column.CopyTo(weighted);
                }
                else
                {
                    VectorKernels.Multiply(w, column, weighted);
                }

                for (var b = 0; b <= a; b++)
                {
                    m[(a * q) + b] = m[(b * q) + a] = VectorKernels.Dot(weighted, j.AsSpan(b * n, n));
                }
            }

            return m;
        }

        var jtj = Cross(null);
        if (!AllFinite(jtj))
        {
            return (null, "JᵀJ overflows at the solution (the Jacobian is too large to square); some parameters are not identifiable",
                double.PositiveInfinity);
        }

        var (jtjInverse, condition) = Decompose(jtj, q);
        if (dof < 1)
        {
            return (null, string.Create(CultureInfo.InvariantCulture,
                $"there are no residual degrees of freedom ({n} observations, {q} free parameters)"), condition);
        }

        if (!(condition < SingularCondition))
        {
            return (null, string.Create(CultureInfo.InvariantCulture,
                $"JᵀJ is singular to working precision (scaled condition number {condition:G3}); some parameters are not identifiable"), condition);
        }

        if (method == CovarianceMethod.Auto)
        {
            method = problem.IsHuber ? CovarianceMethod.Sandwich : CovarianceMethod.Classic;
        }

        switch (method)
        {
            case CovarianceMethod.AbsoluteSigma:
                return (jtjInverse, null, condition);
            case CovarianceMethod.Classic:
                Scale(jtjInverse, rss / dof);
                return Checked(jtjInverse, condition);
            default:
            {
                // Huber's sandwich: H⁻¹ B H⁻¹ · n/(n − q), H = Σ ψ'(r) JᵢJᵢᵀ, B = Σ ψ(r)² JᵢJᵢᵀ.
                var delta = problem.Loss.Delta;
                var inliers = 0;
                for (var i = 0; i < n; i++)
                {
                    var inside = !problem.IsHuber || Math.Abs(residuals[i]) <= delta;
                    inliers += inside ? 1 : 0;
                    weights[i] = inside ? 1.0 : 0.0;
                }

                var (hInverse, hCondition) = Decompose(Cross(weights), q);
                for (var i = 0; i < n; i++)
                {
                    var psi = weights[i] > 0.0 ? residuals[i] : delta * Math.Sign(residuals[i]);
                    weights[i] = psi * psi;
                }

                var b = Cross(weights);
                double[] inverse;
                if (inliers >= q && hCondition < SingularCondition)
                {
                    inverse = hInverse;
                }
                else
                {
                    for (var i = 0; i < n; i++)
                    {
                        weights[i] = problem.IrlsWeight(residuals[i]);
                    }

                    inverse = Decompose(Cross(weights), q).Inverse;
                }

                var cov = Multiply(Multiply(inverse, b, q), inverse, q);
                Scale(cov, (double)n / dof);
                return Checked(cov, condition);
            }
        }
    }

    /// <summary>The Wald interval of a log-scaled (positive) parameter, built on the log scale where it is fitted:
    /// <c>value·exp(±t·SE/value)</c>. It stays positive and is asymmetric like the likelihood of a scale parameter, where
    /// <c>value ± t·SE</c> can reach below zero.</summary>
    private static ParameterInterval LogScaleInterval(double value, double halfWidthOfLog, double level)
        => new(value * Math.Exp(-halfWidthOfLog), value * Math.Exp(halfWidthOfLog), level);

    /// <summary>Student-t quantile, cached per (dof, probability): MathNet's InvCDF costs tens of microseconds, which
    /// dominated repeated small fits in the benchmarks.</summary>
    private static double StudentTQuantile(int dof, double probability)
        => QuantileCache.GetOrAdd((dof, probability), key => StudentT.InvCDF(0.0, 1.0, key.Item1, key.Item2));

    /// <summary>Inverts a symmetric positive semi-definite matrix (row-major q × q) through the eigendecomposition of its
    /// Jacobi-scaled form (<c>D·M·D</c> with <c>D = diag(M)^(−½)</c>), and returns the scale-free condition number from the
    /// same decomposition. Eigenvalues below 1e-15 of the largest are dropped from the inverse (a pseudo-inverse).</summary>
    private static (double[] Inverse, double Condition) Decompose(double[] m, int q)
    {
        var nan = () => { var x = new double[q * q]; Array.Fill(x, double.NaN); return (x, double.PositiveInfinity); };
        if (!AllFinite(m))
        {
            return nan();
        }

        var d = new double[q];
        var anyZero = false;
        for (var i = 0; i < q; i++)
        {
            var diagonal = m[(i * q) + i];
            d[i] = diagonal > 0.0 ? 1.0 / Math.Sqrt(diagonal) : 0.0;
            anyZero |= d[i] == 0.0;
        }

        var scaled = new double[q * q];
        for (var i = 0; i < q; i++)
        {
            for (var k = 0; k < q; k++)
            {
                scaled[(i * q) + k] = m[(i * q) + k] * d[i] * d[k];
            }
        }

        if (!AllFinite(scaled))
        {
            return nan();
        }

        var values = new double[q];
        var vectors = new double[q * q];
        if (!SmallDense.SymmetricEigen(scaled, values, vectors, q))
        {
            return nan();
        }

        var max = values.Max();
        var min = values.Min();
        var condition = anyZero || !(min > 0.0) ? double.PositiveInfinity : max / min;
        var inverse = new double[q * q];
        for (var i = 0; i < q; i++)
        {
            for (var k = 0; k < q; k++)
            {
                var sum = 0.0;
                for (var e = 0; e < q; e++)
                {
                    if (values[e] > max * 1e-15)
                    {
                        sum += vectors[(i * q) + e] * vectors[(k * q) + e] / values[e];
                    }
                }

                inverse[(i * q) + k] = sum * d[i] * d[k];
            }
        }

        return (inverse, condition);
    }

    private static (double[]? Covariance, string? Reason, double Condition) Checked(double[] covariance, double condition)
        => AllFinite(covariance)
            ? (covariance, null, condition)
            : (null, "the covariance overflows (the residuals or the Jacobian are too large); standard errors are not available", condition);

    private static bool AllFinite(double[] values)
    {
        foreach (var v in values)
        {
            if (!double.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }

    private static void Scale(double[] m, double factor)
    {
        for (var i = 0; i < m.Length; i++)
        {
            m[i] *= factor;
        }
    }

    private static double[] Multiply(double[] a, double[] b, int q)
    {
        var c = new double[q * q];
        for (var i = 0; i < q; i++)
        {
            for (var k = 0; k < q; k++)
            {
                var sum = 0.0;
                for (var e = 0; e < q; e++)
                {
                    sum += a[(i * q) + e] * b[(e * q) + k];
                }

                c[(i * q) + k] = sum;
            }
        }

        return c;
    }
}
