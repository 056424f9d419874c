using ScalingLaws.Internal;

namespace ScalingLaws;

/// <summary>
/// The over-training law of Gadre et al. (2024): <c>L(C, M) = E + (a·M^eta + b·M^(−eta))·C^(−eta)</c> with compute
/// <c>C = 6·N·D</c> and token multiplier <c>M = D/N</c>, fitted on the inputs N and D.
/// </summary>
/// <remarks>
/// <para>Parameters, in order: <c>E</c> (irreducible loss, ≥ 0), <c>a</c> and <c>b</c> (scales, positive, fitted as logs),
/// <c>eta</c> (exponent, ≥ 0). Inputs: <c>N</c> (parameters, positive) and <c>D</c> (training tokens, positive).</para>
/// <para>Substituting C and M shows the law is a Chinchilla law with tied exponents,
/// <c>L = E + a·(6N²)^(−eta) + b·(6D²)^(−eta)</c>; for fixed M the reducible loss is a power law in compute with the same
/// exponent, which is what makes over-trained runs predictable from compute-optimal ones.</para>
/// <para>Reference: S. Y. Gadre et al., "Language models scale reliably with over-training and on downstream tasks",
/// arXiv:2403.08540 (2024). The form was checked (issue #9) against the authors' code, github.com/mlfoundations/scaling,
/// <c>scaling/laws.py</c>, which fits the same surface as <c>alpha·N^b + beta·6^(b/2)·(M·N)^b + E</c> with <c>b = −2·eta</c>:
/// its alpha is our <c>a·6^(−eta)</c> and its beta is our <c>b</c>. No fitted constants are shipped: none were found in a
/// primary source.</para>
/// <para>E, a and b enter linearly; the default search scans eta on 80 logarithmically spaced values in [0.01, 2] and solves
/// them by non-negative least squares (variable projection).</para>
/// </remarks>
public sealed class OverTrainingLaw : ScalingLaw
{
    private static readonly double[] EtaGrid = LiteratureMath.Logarithmic(0.01, 2.0, 80);
    private static readonly double LogSix = Math.Log(6.0);

    /// <summary>Creates the law with inputs named <c>N</c> and <c>D</c>.</summary>
    public OverTrainingLaw()
        : base("over-training", "L = E + (a*M^eta + b*M^(-eta))*C^(-eta), C = 6*N*D, M = D/N",
            [
                new LawParameter("E", "irreducible loss", ParameterScale.Linear, 0.0, double.PositiveInfinity),
                new LawParameter("a", "scale of the term that grows with the token multiplier M", ParameterScale.Log, 0.0, double.PositiveInfinity),
                new LawParameter("b", "scale of the term that shrinks with the token multiplier M", ParameterScale.Log, 0.0, double.PositiveInfinity),
                new LawParameter("eta", "compute exponent", ParameterScale.Linear, 0.0, double.PositiveInfinity),
            ],
            [
                new LawInput("N", "model parameters"),
                new LawInput("D", "training tokens"),
            ])
    {
    }

    /// <inheritdoc/>
    public override IReadOnlyList<int> LinearParameterIndices { get; } = [0, 1, 2];

    /// <inheritdoc/>
    public override void Evaluate(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> values, Span<double> jacobian)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var e = parameters[0];
        var a = parameters[1];
        var b = parameters[2];
        var eta = parameters[3];
        var logN = inputs.LogColumn(0);
        var logD = inputs.LogColumn(1);
        var withJacobian = !jacobian.IsEmpty;
        for (var i = 0; i < logN.Length; i++)
        {
            var logC = LogSix + logN[i] + logD[i];
            var logM = logD[i] - logN[i];
            var up = logM - logC;      // log(M/C)
            var down = -logM - logC;   // log(1/(M·C))
            var t1 = Math.Exp(eta * up);
            var t2 = Math.Exp(eta * down);
            values[i] = e + (a * t1) + (b * t2);
            if (withJacobian)
            {
                var row = jacobian.Slice(4 * i, 4);
                row[0] = 1.0;
                row[1] = t1;
                row[2] = t2;
                row[3] = (a * t1 * up) + (b * t2 * down);
            }
        }
    }

    /// <inheritdoc/>
    public override void EvaluateBasis(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> basis)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var eta = parameters[3];
        var logN = inputs.LogColumn(0);
        var logD = inputs.LogColumn(1);
        var n = logN.Length;
        for (var i = 0; i < n; i++)
        {
            var logC = LogSix + logN[i] + logD[i];
            var logM = logD[i] - logN[i];
            basis[i] = 1.0;
            basis[n + i] = Math.Exp(eta * (logM - logC));
            basis[(2 * n) + i] = Math.Exp(-eta * (logM + logC));
        }
    }

    /// <inheritdoc/>
    public override IReadOnlyList<double[]> GetNonlinearSearchGrid() => [[.. EtaGrid]];

    /// <inheritdoc/>
    public override IReadOnlyList<double[]> GetDefaultStarts(LawInputs inputs, ReadOnlySpan<double> target)
    {
        var (min, _) = LiteratureMath.Range(target);
        return [[Math.Max(0.0, 0.5 * min), 1.0, 1.0, 0.15]];
    }
}
