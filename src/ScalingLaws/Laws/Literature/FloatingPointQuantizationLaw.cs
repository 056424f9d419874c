using ScalingLaws.Internal;

namespace ScalingLaws;

/// <summary>
/// The floating-point quantization training law of Sun et al. (2025): loss of a model trained with FP quantization as a
/// function of parameters N, tokens D, exponent bits E, mantissa bits M and scaling-factor block size B,
/// <c>L = n/N^alpha + d/D^beta + epsilon + (D^beta/N^alpha)·(log2 B)^gamma / ((E + 0.5)^delta·(M + 0.5)^nu)</c>.
/// </summary>
/// <remarks>
/// <para>Parameters, in order: <c>n</c> (scale of the parameter term, positive, fitted as a log), <c>alpha</c> (≥ 0),
/// <c>d</c> (scale of the data term, positive, fitted as a log), <c>beta</c> (≥ 0), <c>epsilon</c> (irreducible loss, ≥ 0),
/// <c>gamma</c> (block-size exponent, ≥ 0), <c>delta</c> (exponent-bit exponent, ≥ 0), <c>nu</c> (mantissa-bit exponent,
/// ≥ 0). Inputs: <c>N</c> (parameters), <c>D</c> (tokens), <c>E</c> and <c>M</c> (exponent and mantissa bits, ≥ 0) and
/// <c>B</c> (elements sharing one scaling factor, ≥ 1; B = 1 makes the precision term vanish).</para>
/// <para>The precision term grows with D: beyond a critical data size more tokens raise the loss, the paper's "critical
/// data size" finding. It carries no separate scale parameter: its size is set by the exponents.</para>
/// <para>Reference: X. Sun et al., "Scaling Laws for Floating-Point Quantization Training", ICML 2025, arXiv:2501.02423
/// (the unified law). The stored copies available when this was written held only the abstract, so the
/// functional form above follows the paper as recalled and should be checked against its unified-law equation before
/// relying on it; no published constants are shipped.</para>
/// <para>Default starts: for a grid of (alpha, beta) in {0.2, 0.35, 0.5}², gamma in {0.5, 1, 2} and (delta, nu) in
/// {1, 2.5, 4}², the precision term is fixed and n, d and epsilon come from non-negative least squares on relative errors;
/// the best six are refined.</para>
/// </remarks>
public sealed class FloatingPointQuantizationLaw : ScalingLaw
{
    private static readonly double[] SizeExponents = [0.2, 0.35, 0.5];
    private static readonly double[] BlockExponents = [0.5, 1.0, 2.0];
    private static readonly double[] BitExponents = [1.0, 2.5, 4.0];

    /// <summary>Creates the law with inputs named <c>N</c>, <c>D</c>, <c>E</c>, <c>M</c> and <c>B</c>.</summary>
    public FloatingPointQuantizationLaw()
        : base("fp-quantization", "L = n/N^alpha + d/D^beta + epsilon + (D^beta/N^alpha)*(log2 B)^gamma/((E + 0.5)^delta*(M + 0.5)^nu)",
            [
                new LawParameter("n", "scale of the parameter term", ParameterScale.Log, 0.0, double.PositiveInfinity),
                new LawParameter("alpha", "exponent of the parameter count", ParameterScale.Linear, 0.0, double.PositiveInfinity),
                new LawParameter("d", "scale of the data term", ParameterScale.Log, 0.0, double.PositiveInfinity),
                new LawParameter("beta", "exponent of the token count", ParameterScale.Linear, 0.0, double.PositiveInfinity),
                new LawParameter("epsilon", "irreducible loss", ParameterScale.Linear, 0.0, double.PositiveInfinity),
                new LawParameter("gamma", "exponent of log2 of the block size", ParameterScale.Linear, 0.0, double.PositiveInfinity),
                new LawParameter("delta", "exponent of the exponent bits (E + 0.5)", ParameterScale.Linear, 0.0, double.PositiveInfinity),
                new LawParameter("nu", "exponent of the mantissa bits (M + 0.5)", ParameterScale.Linear, 0.0, double.PositiveInfinity),
            ],
            [
                new LawInput("N", "model parameters"),
                new LawInput("D", "training tokens"),
                new LawInput("E", "exponent bits of the FP format", InputDomain.NonNegative),
                new LawInput("M", "mantissa bits of the FP format", InputDomain.NonNegative),
                new LawInput("B", "block size: elements sharing one scaling factor (at least 1)"),
            ])
    {
    }

    /// <inheritdoc/>
    public override void Evaluate(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> values, Span<double> jacobian)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var nScale = parameters[0];
        var alpha = parameters[1];
        var dScale = parameters[2];
        var beta = parameters[3];
        var epsilon = parameters[4];
        var gamma = parameters[5];
        var delta = parameters[6];
        var nu = parameters[7];
        var logN = inputs.LogColumn(0);
        var logD = inputs.LogColumn(1);
        var exponentBits = inputs.Column(2);
        var mantissaBits = inputs.Column(3);
        var logB = inputs.LogColumn(4);
        var withJacobian = !jacobian.IsEmpty;
        for (var i = 0; i < logN.Length; i++)
        {
            var tn = Math.Exp(-alpha * logN[i]);
            var td = Math.Exp(-beta * logD[i]);
            var log2B = logB[i] / Math.Log(2.0);
            var logE = Math.Log(exponentBits[i] + 0.5);
            var logM = Math.Log(mantissaBits[i] + 0.5);
            double q = 0.0, logLog2B = 0.0;
            if (log2B > 0.0)
            {
                logLog2B = Math.Log(log2B);
                q = Math.Exp((beta * logD[i]) - (alpha * logN[i]) + (gamma * logLog2B) - (delta * logE) - (nu * logM));
            }

            values[i] = (nScale * tn) + (dScale * td) + epsilon + q;
            if (withJacobian)
            {
                var row = jacobian.Slice(8 * i, 8);
                row[0] = tn;
                row[1] = -((nScale * tn) + q) * logN[i];
                row[2] = td;
                row[3] = (-dScale * td * logD[i]) + (q * logD[i]);
                row[4] = 1.0;
                row[5] = q * logLog2B;
                row[6] = -q * logE;
                row[7] = -q * logM;
            }
        }
    }

    /// <inheritdoc/>
    public override IReadOnlyList<double[]> GetDefaultStarts(LawInputs inputs, ReadOnlySpan<double> target)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var count = target.Length;
        var logN = inputs.LogColumn(0);
        var logD = inputs.LogColumn(1);
        var exponentBits = inputs.Column(2);
        var mantissaBits = inputs.Column(3);
        var logB = inputs.LogColumn(4);
        var weights = LiteratureMath.RelativeWeights(target);
        var basis = new double[3 * count];
        var residualTarget = new double[count];
        var coefficients = new double[3];
        var collector = new StartCollector(6);
        for (var i = 0; i < count; i++)
        {
            basis[(2 * count) + i] = 1.0;
        }

        foreach (var alpha in SizeExponents)
        {
            foreach (var beta in SizeExponents)
            {
                for (var i = 0; i < count; i++)
                {
                    basis[i] = Math.Exp(-alpha * logN[i]);
                    basis[count + i] = Math.Exp(-beta * logD[i]);
                }

                foreach (var gamma in BlockExponents)
                {
                    foreach (var delta in BitExponents)
                    {
                        foreach (var nu in BitExponents)
                        {
                            for (var i = 0; i < count; i++)
                            {
                                var log2B = logB[i] / Math.Log(2.0);
                                var q = log2B > 0.0
                                    ? Math.Exp((beta * logD[i]) - (alpha * logN[i]) + (gamma * Math.Log(log2B))
                                        - (delta * Math.Log(exponentBits[i] + 0.5)) - (nu * Math.Log(mantissaBits[i] + 0.5)))
                                    : 0.0;
                                residualTarget[i] = target[i] - q;
                            }

                            var rss = LiteratureMath.SolveSignConstrained(basis, residualTarget, weights, 3, 0b111, coefficients);
                            if (coefficients[0] > 0.0 && coefficients[1] > 0.0)
                            {
                                collector.Offer(rss, [coefficients[0], alpha, coefficients[1], beta, coefficients[2], gamma, delta, nu]);
                            }
                        }
                    }
                }
            }
        }

        var (min, _) = LiteratureMath.Range(target);
        return collector.ToList([100.0, 0.3, 1e4, 0.4, Math.Max(0.0, 0.8 * min), 1.0, 2.5, 2.5]);
    }
}
