using ScalingLaws.Internal;

namespace ScalingLaws;

/// <summary>
/// The parallel scaling law (ParScale) of Chen et al. (2025): <c>L = (A / (N·(k·log P + 1)))^alpha + E</c>, loss of a model
/// with N parameters run as P parallel streams; P streams act like multiplying the parameter count by <c>k·log P + 1</c>.
/// </summary>
/// <remarks>
/// <para>Parameters, in order: <c>A</c> (parameter scale, positive, fitted as a log), <c>k</c> (benefit per unit of
/// <c>log P</c>, ≥ 0), <c>alpha</c> (exponent, ≥ 0), <c>E</c> (irreducible loss, ≥ 0). Inputs: <c>N</c> (parameters,
/// positive) and <c>P</c> (number of parallel streams, ≥ 1). log is the natural logarithm.</para>
/// <para>Reference: M. Chen et al., "Parallel Scaling Law for Language Models", arXiv:2505.10475 (2025), Eq. (5). The form
/// and the natural logarithm were checked (issue #9) against the authors' fitting script <c>parametric_fit.py</c> of
/// github.com/QwenLM/ParScale, which evaluates <c>E + (A·1e9/(N·(ln(P)·k + 1)))^alpha</c> (its A is in billions of
/// parameters, ours in parameters) and minimizes a Huber loss (delta 0.001) on log losses. The paper's fitted constants
/// were not found in a primary source, so none are shipped.</para>
/// <para>Default starts: for a grid of (k, alpha) the coefficient <c>A^alpha</c> and E enter linearly and come from
/// non-negative least squares on relative errors; the best six points are refined.</para>
/// </remarks>
public sealed class ParallelScalingLaw : ScalingLaw
{
    private static readonly double[] AlphaGrid = LiteratureMath.Logarithmic(0.02, 1.5, 30);
    private static readonly double[] KGrid = [0.0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 5.0];

    /// <summary>Creates the law with inputs named <c>N</c> and <c>P</c>.</summary>
    public ParallelScalingLaw()
        : base("parallel-scaling", "L = (A/(N*(k*log(P) + 1)))^alpha + E",
            [
                new LawParameter("A", "parameter-count scale", ParameterScale.Log, 0.0, double.PositiveInfinity),
                new LawParameter("k", "effective-size gain per unit of log P", ParameterScale.Linear, 0.0, double.PositiveInfinity),
                new LawParameter("alpha", "exponent", ParameterScale.Linear, 0.0, double.PositiveInfinity),
                new LawParameter("E", "irreducible loss", ParameterScale.Linear, 0.0, double.PositiveInfinity),
            ],
            [
                new LawInput("N", "model parameters"),
                new LawInput("P", "number of parallel streams (at least 1)"),
            ])
    {
    }

    /// <inheritdoc/>
    public override void Evaluate(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> values, Span<double> jacobian)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var a = parameters[0];
        var k = parameters[1];
        var alpha = parameters[2];
        var e = parameters[3];
        var logA = Math.Log(a);
        var logN = inputs.LogColumn(0);
        var logP = inputs.LogColumn(1);
        var withJacobian = !jacobian.IsEmpty;
        for (var i = 0; i < logN.Length; i++)
        {
            var gain = (k * logP[i]) + 1.0;
            var logU = logA - logN[i] - Math.Log(gain);
            var t = Math.Exp(alpha * logU);
            values[i] = t + e;
            if (withJacobian)
            {
                var row = jacobian.Slice(4 * i, 4);
                row[0] = alpha * t / a;
                row[1] = -alpha * t * logP[i] / gain;
                row[2] = t * logU;
                row[3] = 1.0;
            }
        }
    }

    /// <inheritdoc/>
    public override IReadOnlyList<double[]> GetDefaultStarts(LawInputs inputs, ReadOnlySpan<double> target)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var n = target.Length;
        var logN = inputs.LogColumn(0);
        var logP = inputs.LogColumn(1);
        var weights = LiteratureMath.RelativeWeights(target);
        var y = target.ToArray();
        var basis = new double[2 * n];
        var coefficients = new double[2];
        var collector = new StartCollector(6);
        for (var i = 0; i < n; i++)
        {
            basis[n + i] = 1.0;
        }

        foreach (var k in KGrid)
        {
            foreach (var alpha in AlphaGrid)
            {
                for (var i = 0; i < n; i++)
                {
                    basis[i] = Math.Exp(-alpha * (logN[i] + Math.Log((k * logP[i]) + 1.0)));
                }

                var rss = LiteratureMath.SolveSignConstrained(basis, y, weights, 2, 0b11, coefficients);
                if (coefficients[0] > 0.0)
                {
                    collector.Offer(rss, [Math.Pow(coefficients[0], 1.0 / alpha), k, alpha, coefficients[1]]);
                }
            }
        }

        var (min, _) = LiteratureMath.Range(target);
        return collector.ToList([1e10, 0.3, 0.2, Math.Max(0.0, 0.5 * min)]);
    }
}
