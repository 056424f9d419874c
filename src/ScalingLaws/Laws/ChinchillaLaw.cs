using System.Numerics;

namespace ScalingLaws;

/// <summary>
/// The Chinchilla law <c>L(N, D) = E + A/N^alpha + B/D^beta</c> (Hoffmann et al. 2022, Approach 3): loss as a
/// function of parameter count N and training tokens D.
/// </summary>
/// <remarks>
/// <para>Parameters, in order: <c>E</c> (irreducible loss), <c>A</c>, <c>alpha</c>, <c>B</c>, <c>beta</c>. E, A and B are
/// positive and fitted as their logarithms (Epoch AI's <c>LSE(a − α·log N, b − β·log D, e)</c> parameterization);
/// alpha and beta are non-negative. Inputs: <c>N</c> (parameters, positive) and <c>D</c> (tokens, positive).</para>
/// <para>References: J. Hoffmann et al., "Training Compute-Optimal Large Language Models", arXiv:2203.15556 (2022);
/// T. Besiroglu et al., "Chinchilla Scaling: A replication attempt", arXiv:2404.10102 (2024).</para>
/// <para>Default starts: a 30 × 30 grid of (alpha, beta) in [0.05, 1.5]² with E, A, B solved by non-negative least squares
/// (variable projection), plus Hoffmann et al.'s published parameters. On Epoch's data this reaches the same optimum as
/// Epoch's 4500-start grid.</para>
/// </remarks>
public sealed class ChinchillaLaw : ScalingLaw
{
    private static readonly double[] ExponentGrid = Enumerable.Range(0, 30).Select(i => 0.05 + (1.45 * i / 29.0)).ToArray();

    /// <summary>Creates the law with inputs named <c>N</c> and <c>D</c>.</summary>
    public ChinchillaLaw()
        : base("chinchilla", "L(N, D) = E + A/N^alpha + B/D^beta",
            [
                new LawParameter("E", "irreducible loss", ParameterScale.Log, 0.0, double.PositiveInfinity),
                new LawParameter("A", "scale of the parameter-count term", ParameterScale.Log, 0.0, double.PositiveInfinity),
                new LawParameter("alpha", "exponent of the parameter-count term", ParameterScale.Linear, 0.0, double.PositiveInfinity),
                new LawParameter("B", "scale of the data term", ParameterScale.Log, 0.0, double.PositiveInfinity),
                new LawParameter("beta", "exponent of the data term", ParameterScale.Linear, 0.0, double.PositiveInfinity),
            ],
            [
                new LawInput("N", "model parameters"),
                new LawInput("D", "training tokens"),
            ])
    {
    }

    /// <summary>Gets Hoffmann et al.'s published (rounded) parameters: E 1.69, A 406.4, alpha 0.34, B 410.7, beta 0.28.</summary>
    public static IReadOnlyList<double> HoffmannParameters { get; } = [1.69, 406.4, 0.34, 410.7, 0.28];

    /// <inheritdoc/>
    public override IReadOnlyList<int> LinearParameterIndices { get; } = [0, 1, 3];

    /// <inheritdoc/>
    public override void Evaluate(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> values, Span<double> jacobian)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var e = parameters[0];
        var a = parameters[1];
        var alpha = parameters[2];
        var b = parameters[3];
        var beta = parameters[4];
        var logN = inputs.LogColumn(0);
        var logD = inputs.LogColumn(1);
        var withJacobian = !jacobian.IsEmpty;
        var i = 0;

        // SIMD exponentials (System.Numerics.Vector.Exp): the two powers per point dominate every solver iteration.
        // Results can differ from Math.Exp in the last bit, so they may differ across CPUs with other vector widths.
        var width = Vector<double>.Count;
        if (Vector.IsHardwareAccelerated && logN.Length >= width)
        {
            var negativeAlpha = new Vector<double>(-alpha);
            var negativeBeta = new Vector<double>(-beta);
            Span<double> lanes = stackalloc double[4 * width];
            for (; i <= logN.Length - width; i += width)
            {
                var ln = new Vector<double>(logN.Slice(i, width));
                var ld = new Vector<double>(logD.Slice(i, width));
                var tn = Vector.Exp(negativeAlpha * ln);
                var td = Vector.Exp(negativeBeta * ld);
                var an = tn * a;
                var bd = td * b;
                (new Vector<double>(e) + an + bd).CopyTo(values.Slice(i, width));
                if (withJacobian)
                {
                    // Store the four vectors once and interleave them into the row-major Jacobian from memory: reading
                    // Vector<T> lanes one by one cost as much as the exponentials (benchmarks -- probe).
                    tn.CopyTo(lanes);
                    (-an * ln).CopyTo(lanes[width..]);
                    td.CopyTo(lanes[(2 * width)..]);
                    (-bd * ld).CopyTo(lanes[(3 * width)..]);
                    var rows = jacobian.Slice(5 * i, 5 * width);
                    for (var k = 0; k < width; k++)
                    {
                        var row = rows.Slice(5 * k, 5);
                        row[0] = 1.0;
                        row[1] = lanes[k];
                        row[2] = lanes[width + k];
                        row[3] = lanes[(2 * width) + k];
                        row[4] = lanes[(3 * width) + k];
                    }
                }
            }
        }

        for (; i < logN.Length; i++)
        {
            var tn = Math.Exp(-alpha * logN[i]);
            var td = Math.Exp(-beta * logD[i]);
            var an = a * tn;
            var bd = b * td;
            values[i] = e + an + bd;
            if (withJacobian)
            {
                var row = jacobian.Slice(5 * i, 5);
                row[0] = 1.0;
                row[1] = tn;
                row[2] = -an * logN[i];
                row[3] = td;
                row[4] = -bd * logD[i];
            }
        }
    }

    /// <inheritdoc/>
    public override void EvaluateBasis(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> basis)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var logN = inputs.LogColumn(0);
        var logD = inputs.LogColumn(1);
        var n = logN.Length;
        for (var i = 0; i < n; i++)
        {
            basis[i] = 1.0;
            basis[n + i] = Math.Exp(-parameters[2] * logN[i]);
            basis[(2 * n) + i] = Math.Exp(-parameters[4] * logD[i]);
        }
    }

    /// <inheritdoc/>
    public override IReadOnlyList<double[]> GetNonlinearSearchGrid() => [[.. ExponentGrid], [.. ExponentGrid]];

    /// <inheritdoc/>
    public override IReadOnlyList<double[]> GetDefaultStarts(LawInputs inputs, ReadOnlySpan<double> target)
        => [[.. HoffmannParameters]];
}
