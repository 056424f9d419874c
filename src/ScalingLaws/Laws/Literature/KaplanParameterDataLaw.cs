using ScalingLaws.Internal;

namespace ScalingLaws;

/// <summary>
/// Kaplan et al.'s joint law for loss as a function of parameters and data,
/// <c>L(N, D) = [(Nc/N)^(alphaN/alphaD) + Dc/D]^alphaD</c> (Kaplan et al. 2020, equation 1.5).
/// </summary>
/// <remarks>
/// <para>Parameters, in order: <c>Nc</c> (parameter-count scale, positive, fitted as a log), <c>alphaN</c> (parameter exponent,
/// ≥ 0), <c>Dc</c> (token scale, positive, fitted as a log), <c>alphaD</c> (data exponent, ≥ 0.001 because it divides alphaN).
/// Inputs: <c>N</c> (non-embedding parameters, positive) and <c>D</c> (training tokens, positive). The law has no irreducible
/// loss: L → 0 as N and D grow.</para>
/// <para>Reference: J. Kaplan et al., "Scaling Laws for Neural Language Models", arXiv:2001.08361 (2020), equation 1.5 and
/// Table 2 (joint fit: alphaN 0.076, alphaD 0.103, Nc 6.4e13, Dc 1.8e13; values as recorded in
/// <c>../shared/data/published-constants</c>).</para>
/// <para>Default starts: for a 25 × 25 grid of (alphaN, alphaD) the law is linear after raising L to the power 1/alphaD,
/// <c>L^(1/alphaD) = Nc^(alphaN/alphaD)·N^(−alphaN/alphaD) + Dc·D^(−1)</c>, so the two scales come from non-negative least
/// squares; the best six such points are refined, plus the published parameters.</para>
/// </remarks>
public sealed class KaplanParameterDataLaw : ScalingLaw
{
    private static readonly double[] ExponentGrid = LiteratureMath.Logarithmic(0.01, 1.0, 25);

    /// <summary>Creates the law with inputs named <c>N</c> and <c>D</c>.</summary>
    public KaplanParameterDataLaw()
        : base("kaplan-nd", "L(N, D) = ((Nc/N)^(alphaN/alphaD) + Dc/D)^alphaD",
            [
                new LawParameter("Nc", "parameter-count scale", ParameterScale.Log, 0.0, double.PositiveInfinity),
                new LawParameter("alphaN", "parameter-count exponent", ParameterScale.Linear, 0.0, double.PositiveInfinity),
                new LawParameter("Dc", "token scale", ParameterScale.Log, 0.0, double.PositiveInfinity),
                new LawParameter("alphaD", "data exponent", ParameterScale.Linear, 1e-3, double.PositiveInfinity),
            ],
            [
                new LawInput("N", "non-embedding model parameters"),
                new LawInput("D", "training tokens"),
            ])
    {
    }

    /// <summary>Gets Kaplan et al.'s published joint-fit parameters (Table 2): Nc 6.4e13, alphaN 0.076, Dc 1.8e13, alphaD 0.103.</summary>
    public static IReadOnlyList<double> KaplanParameters { get; } = [6.4e13, 0.076, 1.8e13, 0.103];

    /// <inheritdoc/>
    public override void Evaluate(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> values, Span<double> jacobian)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var nc = parameters[0];
        var alphaN = parameters[1];
        var dc = parameters[2];
        var alphaD = parameters[3];
        var logNc = Math.Log(nc);
        var logDc = Math.Log(dc);
        var ratio = alphaN / alphaD;
        var logN = inputs.LogColumn(0);
        var logD = inputs.LogColumn(1);
        var withJacobian = !jacobian.IsEmpty;
        for (var i = 0; i < logN.Length; i++)
        {
            var gapN = logNc - logN[i];
            var u = Math.Exp(ratio * gapN);
            var v = Math.Exp(logDc - logD[i]);
            var sum = u + v;
            var logSum = Math.Log(sum);
            var loss = Math.Exp(alphaD * logSum);
            values[i] = loss;
            if (withJacobian)
            {
                var row = jacobian.Slice(4 * i, 4);
                row[0] = loss * alphaN * u / (sum * nc);
                row[1] = loss * u * gapN / sum;
                row[2] = alphaD * loss * v / (sum * dc);
                row[3] = loss * (logSum - (u * ratio * gapN / sum));
            }
        }
    }

    /// <inheritdoc/>
    public override IReadOnlyList<double[]> GetDefaultStarts(LawInputs inputs, ReadOnlySpan<double> target)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var n = target.Length;
        var logN = inputs.LogColumn(0);
        var logD = inputs.LogColumn(1);
        var weights = LiteratureMath.RelativeWeights(target);
        var collector = new StartCollector(6);
        var positive = true;
        foreach (var y in target)
        {
            positive &= y > 0.0;
        }

        if (positive)
        {
            var basis = new double[2 * n];
            var transformed = new double[n];
            var transformedWeights = new double[n];
            var coefficients = new double[2];
            foreach (var alphaD in ExponentGrid)
            {
                for (var i = 0; i < n; i++)
                {
                    transformed[i] = Math.Pow(target[i], 1.0 / alphaD);
                    transformedWeights[i] = 1.0 / (transformed[i] * transformed[i]);
                    basis[n + i] = Math.Exp(-logD[i]);
                }

                foreach (var alphaN in ExponentGrid)
                {
                    var ratio = alphaN / alphaD;
                    for (var i = 0; i < n; i++)
                    {
                        basis[i] = Math.Exp(-ratio * logN[i]);
                    }

                    LiteratureMath.SolveSignConstrained(basis, transformed, transformedWeights, 2, 0b11, coefficients);
                    if (!(coefficients[0] > 0.0 && coefficients[1] > 0.0))
                    {
                        continue;
                    }

                    double[] start = [Math.Pow(coefficients[0], 1.0 / ratio), alphaN, coefficients[1], alphaD];
                    collector.Offer(LiteratureMath.WeightedSse(this, start, inputs, target, weights), start);
                }
            }
        }

        return collector.ToList([.. KaplanParameters]);
    }
}
