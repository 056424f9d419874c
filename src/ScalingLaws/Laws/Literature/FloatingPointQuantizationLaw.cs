using ScalingLaws.Internal;

namespace ScalingLaws;

/// <summary>
/// The floating-point quantization training law ("Capybara") of Sun et al. (2025): loss of a model trained with FP
/// quantization as a function of parameters N, tokens D, exponent bits E, mantissa bits M and scaling-factor block size B,
/// <c>L = n/N^alpha + d/D^beta + epsilon + (D^beta/N^alpha)·log2(B) / (gamma·(E + 0.5)^delta·(M + 0.5)^nu)</c>,
/// with the paper's fitted constants available as <see cref="PublishedParameters"/>.
/// </summary>
/// <remarks>
/// <para>Parameters, in order: <c>n</c> (scale of the parameter term, positive, fitted as a log), <c>alpha</c> (≥ 0),
/// <c>d</c> (scale of the data term, positive, fitted as a log), <c>beta</c> (≥ 0), <c>epsilon</c> (irreducible loss, ≥ 0),
/// <c>gamma</c> (divisor of the precision term, positive, fitted as a log), <c>delta</c> (exponent of <c>E + 0.5</c>, ≥ 0),
/// <c>nu</c> (exponent of <c>M + 0.5</c>, ≥ 0). Inputs: <c>N</c> (parameters), <c>D</c> (tokens), <c>E</c> and <c>M</c>
/// (exponent and mantissa bits, ≥ 0) and <c>B</c> (elements sharing one scaling factor, at least 1; B = 1 makes the
/// precision term vanish). log2 is the base-2 logarithm.</para>
/// <para>The first three terms are the Chinchilla law of the BF16 runs; the last is the precision penalty, the product of
/// the "knowledge intensity" <c>D^beta/N^alpha</c> (with the same alpha and beta as the size terms) and the "information loss"
/// <c>log2(B)/(gamma·(E + 0.5)^delta·(M + 0.5)^nu)</c>. Because the penalty grows with D, the loss has a minimum over D at
/// the critical data size <c>D_crit = (d·gamma·N^alpha·(E + 0.5)^delta·(M + 0.5)^nu / log2 B)^(1/(2·beta))</c>; more tokens
/// than that raise the loss.</para>
/// <para>Reference: X. Sun et al., "Scaling Laws for Floating-Point Quantization Training", ICML 2025, arXiv:2501.02423,
/// Eq. (1)/(18)/(26) (the unified law), Eq. (21) (critical data size) and Table 2 (fitted constants, used for
/// <see cref="PublishedParameters"/>). Their fits use N from 41M to 679M parameters, D from 10B to 100B tokens, formats from
/// E1M1 to E6M1 and block sizes 32 to 512 plus channel- and tensor-wise scaling; with B = 128 the published constants give
/// the paper's critical data sizes for a 1B-parameter model (about 1730T tokens in BF16, 27T in FP8-E4M3, 0.4T in
/// FP4-E2M1).</para>
/// <para>Default starts: for a grid of (alpha, beta) in {0.2, 0.35, 0.5}² and (delta, nu) in {1, 2.5, 4}², n, d, epsilon
/// and 1/gamma enter linearly and come from non-negative least squares on relative errors; the best six are refined, and the
/// published constants are tried as well.</para>
/// </remarks>
public sealed class FloatingPointQuantizationLaw : ScalingLaw
{
    private static readonly double[] SizeExponents = [0.2, 0.35, 0.5];
    private static readonly double[] BitExponents = [1.0, 2.5, 4.0];
    private static readonly double InverseLogTwo = 1.0 / Math.Log(2.0);

    /// <summary>Creates the law with inputs named <c>N</c>, <c>D</c>, <c>E</c>, <c>M</c> and <c>B</c>.</summary>
    public FloatingPointQuantizationLaw()
        : base("fp-quantization", "L = n/N^alpha + d/D^beta + epsilon + (D^beta/N^alpha)*log2(B)/(gamma*(E + 0.5)^delta*(M + 0.5)^nu)",
            [
                new LawParameter("n", "scale of the parameter term", ParameterScale.Log, 0.0, double.PositiveInfinity),
                new LawParameter("alpha", "exponent of the parameter count", ParameterScale.Linear, 0.0, double.PositiveInfinity),
                new LawParameter("d", "scale of the data term", ParameterScale.Log, 0.0, double.PositiveInfinity),
                new LawParameter("beta", "exponent of the token count", ParameterScale.Linear, 0.0, double.PositiveInfinity),
                new LawParameter("epsilon", "irreducible loss", ParameterScale.Linear, 0.0, double.PositiveInfinity),
                new LawParameter("gamma", "divisor of the precision term", ParameterScale.Log, 0.0, double.PositiveInfinity),
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

    /// <summary>Gets the constants of Table 2 of Sun et al. (2025), in parameter order: n 69.2343, alpha 0.2368,
    /// d 68973.0621, beta 0.5162, epsilon 1.9061, gamma 11334.5197, delta 3.1926, nu 2.9543 (N in parameters, D in tokens,
    /// loss in nats on their Dolma validation set).</summary>
    public static IReadOnlyList<double> PublishedParameters { get; } = [69.2343, 0.2368, 68973.0621, 0.5162, 1.9061, 11334.5197, 3.1926, 2.9543];

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
            var logE = Math.Log(exponentBits[i] + 0.5);
            var logM = Math.Log(mantissaBits[i] + 0.5);

            // q = (D^beta/N^alpha)·log2(B) / (gamma·(E + 0.5)^delta·(M + 0.5)^nu)
            var q = logB[i] * InverseLogTwo / gamma
                * Math.Exp((beta * logD[i]) - (alpha * logN[i]) - (delta * logE) - (nu * logM));
            values[i] = (nScale * tn) + (dScale * td) + epsilon + q;
            if (withJacobian)
            {
                var row = jacobian.Slice(8 * i, 8);
                row[0] = tn;
                row[1] = -((nScale * tn) + q) * logN[i];
                row[2] = td;
                row[3] = (-dScale * td * logD[i]) + (q * logD[i]);
                row[4] = 1.0;
                row[5] = -q / gamma;
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
        var basis = new double[4 * count];
        var coefficients = new double[4];
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

                foreach (var delta in BitExponents)
                {
                    foreach (var nu in BitExponents)
                    {
                        // The precision term with gamma = 1; its coefficient is 1/gamma.
                        for (var i = 0; i < count; i++)
                        {
                            basis[(3 * count) + i] = logB[i] * InverseLogTwo
                                * Math.Exp((beta * logD[i]) - (alpha * logN[i]) - (delta * Math.Log(exponentBits[i] + 0.5))
                                    - (nu * Math.Log(mantissaBits[i] + 0.5)));
                        }

                        var rss = LiteratureMath.SolveSignConstrained(basis, target, weights, 4, 0b1111, coefficients);
                        if (coefficients[0] > 0.0 && coefficients[1] > 0.0 && coefficients[3] > 0.0)
                        {
                            collector.Offer(rss, [coefficients[0], alpha, coefficients[1], beta, coefficients[2], 1.0 / coefficients[3], delta, nu]);
                        }
                    }
                }
            }
        }

        var (min, _) = LiteratureMath.Range(target);
        return collector.ToList([.. PublishedParameters], [100.0, 0.3, 1e4, 0.4, Math.Max(0.0, 0.8 * min), 1e4, 2.5, 2.5]);
    }
}
