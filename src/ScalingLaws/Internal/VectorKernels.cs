using System.Numerics;
using System.Runtime.InteropServices;

namespace ScalingLaws.Internal;

/// <summary>
/// SIMD dot products for the solver's normal equations. Written by hand (System.Numerics.Vector) because a measurement on the
/// 240-point Chinchilla fit showed the scalar row-by-row accumulation of JᵀWJ taking about two thirds of each iteration, and
/// the core library may not take a dependency on System.Numerics.Tensors.
/// </summary>
internal static class VectorKernels
{
    /// <summary>Returns Σ a_i·b_i.</summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var n = a.Length;
        var i = 0;
        var sum = 0.0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var va = MemoryMarshal.Cast<double, Vector<double>>(a);
            var vb = MemoryMarshal.Cast<double, Vector<double>>(b[..a.Length]);
            var acc = Vector<double>.Zero;
            for (var k = 0; k < va.Length; k++)
            {
                acc += va[k] * vb[k];
            }

            sum = Vector.Sum(acc);
            i = va.Length * Vector<double>.Count;
        }

        for (; i < n; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    /// <summary>Writes <c>destination_i = w_i·x_i</c>.</summary>
    public static void Multiply(ReadOnlySpan<double> w, ReadOnlySpan<double> x, Span<double> destination)
    {
        var n = w.Length;
        var i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var vw = MemoryMarshal.Cast<double, Vector<double>>(w);
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x[..n]);
            var vd = MemoryMarshal.Cast<double, Vector<double>>(destination[..n]);
            for (var k = 0; k < vw.Length; k++)
            {
                vd[k] = vw[k] * vx[k];
            }

            i = vw.Length * Vector<double>.Count;
        }

        for (; i < n; i++)
        {
            destination[i] = w[i] * x[i];
        }
    }

    /// <summary>Writes <c>destination_i = log(x_i)</c> with SIMD logarithms (NaN for non-positive x, like Math.Log).
    /// May differ from Math.Log in the last bit.</summary>
    public static void Log(ReadOnlySpan<double> x, Span<double> destination)
    {
        var n = x.Length;
        var i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
            var vd = MemoryMarshal.Cast<double, Vector<double>>(destination[..n]);
            for (var k = 0; k < vx.Length; k++)
            {
                vd[k] = Vector.Log(vx[k]);
            }

            i = vx.Length * Vector<double>.Count;
        }

        for (; i < n; i++)
        {
            destination[i] = Math.Log(x[i]);
        }
    }
}
