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
}
