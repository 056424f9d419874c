namespace ScalingLaws.Internal;

/// <summary>
/// Allocation-free dense kernels for the tiny (q ≤ ~10) normal-equation systems of the solver's hot path.
/// Written by hand because MathNet's dense matrices allocate per operation, which would break the
/// "no allocations per iteration" rule of the solver loop; everything outside the loop uses MathNet.
/// </summary>
internal static class SmallDense
{
    /// <summary>Solves <c>A·x = b</c> for symmetric positive-definite A (row-major q×q) by Cholesky, in place:
    /// A is overwritten by its factor and b by the solution. Returns false when A is not positive definite.</summary>
    public static bool CholeskySolve(Span<double> a, Span<double> b, int q)
    {
        for (var j = 0; j < q; j++)
        {
            var d = a[(j * q) + j];
            for (var k = 0; k < j; k++)
            {
                d -= a[(j * q) + k] * a[(j * q) + k];
            }

            if (!(d > 0.0) || !double.IsFinite(d))
            {
                return false;
            }

            d = Math.Sqrt(d);
            a[(j * q) + j] = d;
            for (var i = j + 1; i < q; i++)
            {
                var s = a[(i * q) + j];
                for (var k = 0; k < j; k++)
                {
                    s -= a[(i * q) + k] * a[(j * q) + k];
                }

                a[(i * q) + j] = s / d;
            }
        }

        for (var i = 0; i < q; i++)
        {
            var s = b[i];
            for (var k = 0; k < i; k++)
            {
                s -= a[(i * q) + k] * b[k];
            }

            b[i] = s / a[(i * q) + i];
        }

        for (var i = q - 1; i >= 0; i--)
        {
            var s = b[i];
            for (var k = i + 1; k < q; k++)
            {
                s -= a[(k * q) + i] * b[k];
            }

            b[i] = s / a[(i * q) + i];
        }

        return true;
    }

    /// <summary>
    /// Eigendecomposition of a symmetric matrix (row-major q×q) by the cyclic Jacobi method: <paramref name="a"/> is destroyed,
    /// <paramref name="values"/> receives the eigenvalues and <paramref name="vectors"/> (row-major q×q) the eigenvectors as
    /// columns. Returns false when the sweeps do not converge (not seen for finite input).
    /// </summary>
    /// <remarks>
    /// Written by hand for the covariance of every fit: MathNet's <c>Evd</c> with its matrix allocations and the surrounding
    /// MathNet matrix operations took about 0.1 ms per fit (as long as the solver itself) in <c>benchmarks -- probe</c>; this
    /// takes a few microseconds. Jacobi rotations with the relative stopping rule
    /// <c>|a_pr| ≤ ε·√(a_pp·a_rr)</c> also give the small eigenvalues of a (Jacobi-scaled) positive definite matrix to high
    /// relative accuracy (J. Demmel, K. Veselić, SIAM J. Matrix Anal. Appl. 13 (1992) 1204–1245), which the condition number
    /// and the inverse need.
    /// </remarks>
    public static bool SymmetricEigen(Span<double> a, Span<double> values, Span<double> vectors, int q)
    {
        vectors[..(q * q)].Clear();
        for (var i = 0; i < q; i++)
        {
            vectors[(i * q) + i] = 1.0;
        }

        const int MaxSweeps = 60;
        var converged = false;
        for (var sweep = 0; sweep < MaxSweeps && !converged; sweep++)
        {
            converged = true;
            for (var p = 0; p < q - 1; p++)
            {
                for (var r = p + 1; r < q; r++)
                {
                    var apr = a[(p * q) + r];
                    var app = a[(p * q) + p];
                    var arr = a[(r * q) + r];
                    if (Math.Abs(apr) <= 1e-17 * Math.Sqrt(Math.Abs(app * arr)) || apr == 0.0)
                    {
                        continue;
                    }

                    converged = false;

                    // Rotation angle that zeroes a_pr: t = tan φ solves t² + 2θt − 1 = 0 (the smaller root).
                    var theta = (arr - app) / (2.0 * apr);
                    var t = (theta >= 0.0 ? 1.0 : -1.0) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1.0));
                    if (double.IsInfinity(theta * theta))
                    {
                        t = 0.5 / theta;
                    }

                    var c = 1.0 / Math.Sqrt((t * t) + 1.0);
                    var s = t * c;
                    for (var k = 0; k < q; k++)
                    {
                        var akp = a[(k * q) + p];
                        var akr = a[(k * q) + r];
                        a[(k * q) + p] = (c * akp) - (s * akr);
                        a[(k * q) + r] = (s * akp) + (c * akr);
                    }

                    for (var k = 0; k < q; k++)
                    {
                        var apk = a[(p * q) + k];
                        var ark = a[(r * q) + k];
                        a[(p * q) + k] = (c * apk) - (s * ark);
                        a[(r * q) + k] = (s * apk) + (c * ark);
                    }

                    // The rotated pair is exactly diagonal: set it so rather than keep the rounding residue of the updates
                    // above, which would stop the relative test from ever passing when a_pp and a_rr differ widely.
                    a[(p * q) + p] = app - (t * apr);
                    a[(r * q) + r] = arr + (t * apr);
                    a[(p * q) + r] = 0.0;
                    a[(r * q) + p] = 0.0;
                    for (var k = 0; k < q; k++)
                    {
                        var vkp = vectors[(k * q) + p];
                        var vkr = vectors[(k * q) + r];
                        vectors[(k * q) + p] = (c * vkp) - (s * vkr);
                        vectors[(k * q) + r] = (s * vkp) + (c * vkr);
                    }
                }
            }
        }

        for (var i = 0; i < q; i++)
        {
            values[i] = a[(i * q) + i];
        }

        return converged;
    }

    /// <summary>
    /// Minimises the least-squares objective <c>cᵀ·G·c − 2·cᵀ·h</c> (‖W^½(y − B·c)‖² without its constant, with
    /// <c>G = BᵀWB</c>, <c>h = BᵀWy</c>) subject to <c>c_k ≥ 0</c> for every k whose bit is set in
    /// <paramref name="nonNegativeMask"/>, by enumerating which constrained coefficients are zero and solving each
    /// Jacobi-scaled sub-system by Cholesky: exact, and cheap for the handful of linear parameters a law has.
    /// </summary>
    /// <param name="gram">G, row-major m × m.</param>
    /// <param name="rhs">h, length m.</param>
    /// <param name="m">Number of coefficients, at most 16.</param>
    /// <param name="nonNegativeMask">Bit k set when coefficient k must be non-negative.</param>
    /// <param name="best">Receives the minimising coefficients (length ≥ m); untouched when nothing is feasible.</param>
    /// <returns>The minimum of the objective, or +∞ when no zero pattern gives a feasible solution.</returns>
    public static double SignConstrainedLeastSquares(ReadOnlySpan<double> gram, ReadOnlySpan<double> rhs, int m, int nonNegativeMask,
        Span<double> best)
    {
        Span<double> sub = stackalloc double[m * m];
        Span<double> subRhs = stackalloc double[m];
        Span<double> scale = stackalloc double[m];
        Span<double> solution = stackalloc double[m];
        Span<int> cols = stackalloc int[m];
        var bestObjective = double.PositiveInfinity;
        for (var zeroMask = 0; zeroMask < (1 << m); zeroMask++)
        {
            if ((zeroMask & ~nonNegativeMask) != 0)
            {
                continue;
            }

            // Free columns: those not forced to zero.
            var free = 0;
            for (var l = 0; l < m; l++)
            {
                if ((zeroMask & (1 << l)) == 0)
                {
                    cols[free++] = l;
                }
            }

            solution.Clear();
            if (free > 0 && !SolveFree(gram, rhs, m, cols[..free], sub, subRhs, scale, solution, nonNegativeMask))
            {
                continue;
            }

            var objective = 0.0;
            for (var k = 0; k < m; k++)
            {
                var gc = 0.0;
                for (var l = 0; l < m; l++)
                {
                    gc += gram[(k * m) + l] * solution[l];
                }

                objective += (solution[k] * gc) - (2.0 * solution[k] * rhs[k]);
            }

            if (objective < bestObjective)
            {
                bestObjective = objective;
                solution.CopyTo(best);
            }
        }

        return bestObjective;
    }

    /// <summary>Solves the normal equations restricted to <paramref name="cols"/> (Jacobi-scaled, with a 1e-13 ridge) into
    /// <paramref name="solution"/>; false when singular or when a constrained coefficient comes out negative.</summary>
    private static bool SolveFree(ReadOnlySpan<double> gram, ReadOnlySpan<double> rhs, int m, ReadOnlySpan<int> cols, Span<double> sub,
        Span<double> subRhs, Span<double> scale, Span<double> solution, int nonNegativeMask)
    {
        var free = cols.Length;
        for (var a = 0; a < free; a++)
        {
            var d = gram[(cols[a] * m) + cols[a]];
            if (!(d > 0.0) || !double.IsFinite(d))
            {
                return false;
            }

            scale[a] = 1.0 / Math.Sqrt(d);
        }

        for (var a = 0; a < free; a++)
        {
            subRhs[a] = rhs[cols[a]] * scale[a];
            for (var b = 0; b < free; b++)
            {
                sub[(a * free) + b] = gram[(cols[a] * m) + cols[b]] * scale[a] * scale[b];
            }

            sub[(a * free) + a] += 1e-13;
        }

        if (!CholeskySolve(sub[..(free * free)], subRhs[..free], free))
        {
            return false;
        }

        for (var a = 0; a < free; a++)
        {
            var c = subRhs[a] * scale[a];
            solution[cols[a]] = c;
            if ((nonNegativeMask & (1 << cols[a])) != 0 && c < 0.0)
            {
                return false;
            }
        }

        return true;
    }
}
