using ScalingLaws.Internal;

namespace ScalingLaws;

/// <summary>
/// Kaplan et al.'s law for loss as a function of parameters and optimisation steps,
/// <c>L(N, S) = (Nc/N)^alphaN + (Sc/S)^alphaS</c> (Kaplan et al. 2020, equation 1.6, with S the minimum number of steps S_min).
/// </summary>
/// <remarks>
/// <para>Parameters, in order: <c>Nc</c> (parameter-count scale, positive, fitted as a log), <c>alphaN</c> (≥ 0), <c>Sc</c>
/// (step scale, positive, fitted as a log), <c>alphaS</c> (≥ 0). Inputs: <c>N</c> (non-embedding parameters, positive) and
/// <c>S</c> (training steps at the critical batch size, positive).</para>
/// <para>Reference: J. Kaplan et al., "Scaling Laws for Neural Language Models", arXiv:2001.08361 (2020), equation 1.6 and
/// Table 5 (alphaN 0.076, Nc 8.8e13, alphaS 0.76, Sc 2.1e3; values as recorded in <c>../shared/data/published-constants</c>).</para>
/// <para>Default starts: for a 30 × 30 grid of (alphaN, alphaS) the coefficients <c>Nc^alphaN</c> and <c>Sc^alphaS</c> enter
/// linearly and come from non-negative least squares on relative errors; the best six points are refined, plus the published
/// parameters.</para>
/// </remarks>
public sealed class KaplanParameterStepsLaw : ScalingLaw
{
    private static readonly double[] ExponentGrid = LiteratureMath.Logarithmic(0.02, 1.5, 30);

    /// <summary>Creates the law with inputs named <c>N</c> and <c>S</c>.</summary>
    public KaplanParameterStepsLaw()
        : base("kaplan-ns", "L(N, S) = (Nc/N)^alphaN + (Sc/S)^alphaS",
            [
                new LawParameter("Nc", "parameter-count scale", ParameterScale.Log, 0.0, double.PositiveInfinity),
                new LawParameter("alphaN", "parameter-count exponent", ParameterScale.Linear, 0.0, double.PositiveInfinity),
                new LawParameter("Sc", "step scale", ParameterScale.Log, 0.0, double.PositiveInfinity),
                new LawParameter("alphaS", "step exponent", ParameterScale.Linear, 0.0, double.PositiveInfinity),
            ],
            [
                new LawInput("N", "non-embedding model parameters"),
                new LawInput("S", "optimisation steps (S_min, at the critical batch size)"),
            ])
    {
    }

    /// <summary>Gets Kaplan et al.'s published parameters (Table 5): Nc 8.8e13, alphaN 0.076, Sc 2.1e3, alphaS 0.76.</summary>
    public static IReadOnlyList<double> KaplanParameters { get; } = [8.8e13, 0.076, 2.1e3, 0.76];

    /// <inheritdoc/>
    public override void Evaluate(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> values, Span<double> jacobian)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var nc = parameters[0];
        var alphaN = parameters[1];
        var sc = parameters[2];
        var alphaS = parameters[3];
        var logNc = Math.Log(nc);
        var logSc = Math.Log(sc);
        var logN = inputs.LogColumn(0);
        var logS = inputs.LogColumn(1);
        var withJacobian = !jacobian.IsEmpty;
        for (var i = 0; i < logN.Length; i++)
        {
            var gapN = logNc - logN[i];
            var gapS = logSc - logS[i];
            var tn = Math.Exp(alphaN * gapN);
            var ts = Math.Exp(alphaS * gapS);
            values[i] = tn + ts;
            if (withJacobian)
            {
                var row = jacobian.Slice(4 * i, 4);
                row[0] = alphaN * tn / nc;
                row[1] = tn * gapN;
                row[2] = alphaS * ts / sc;
                row[3] = ts * gapS;
            }
        }
    }

    /// <inheritdoc/>
    public override IReadOnlyList<double[]> GetDefaultStarts(LawInputs inputs, ReadOnlySpan<double> target)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var n = target.Length;
        var logN = inputs.LogColumn(0);
        var logS = inputs.LogColumn(1);
        var weights = LiteratureMath.RelativeWeights(target);
        var y = target.ToArray();
        var basis = new double[2 * n];
        var coefficients = new double[2];
        var collector = new StartCollector(6);
        foreach (var alphaN in ExponentGrid)
        {
            for (var i = 0; i < n; i++)
            {
                basis[i] = Math.Exp(-alphaN * logN[i]);
            }

            foreach (var alphaS in ExponentGrid)
            {
                for (var i = 0; i < n; i++)
                {
                    basis[n + i] = Math.Exp(-alphaS * logS[i]);
                }

                var rss = LiteratureMath.SolveSignConstrained(basis, y, weights, 2, 0b11, coefficients);
                if (coefficients[0] > 0.0 && coefficients[1] > 0.0)
                {
                    collector.Offer(rss, [Math.Pow(coefficients[0], 1.0 / alphaN), alphaN, Math.Pow(coefficients[1], 1.0 / alphaS), alphaS]);
                }
            }
        }

        return collector.ToList([.. KaplanParameters]);
    }
}
