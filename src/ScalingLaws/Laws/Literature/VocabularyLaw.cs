using System.Globalization;
using ScalingLaws.Internal;

namespace ScalingLaws;

/// <summary>
/// The vocabulary scaling law of Tao et al. (2024): unigram-normalised loss
/// <c>Lu = −E + A1/Nnv^alpha1 + A2/Nv^alpha2 + B/D^beta</c> as a function of non-vocabulary parameters Nnv, vocabulary
/// parameters Nv = V·d and training tokens D, with a helper that finds the compute-optimal vocabulary size.
/// </summary>
/// <remarks>
/// <para>Parameters, in order: <c>E</c> (positive, fitted as a log; the loss constant enters as −E because the
/// unigram-normalised loss is usually negative), <c>A1</c>, <c>alpha1</c>, <c>A2</c>, <c>alpha2</c>, <c>B</c>, <c>beta</c>
/// (scales positive and fitted as logs, exponents ≥ 0). Inputs: <c>Nnv</c> (non-vocabulary parameters), <c>Nv</c>
/// (vocabulary parameters, vocabulary size × embedding dimension) and <c>D</c> (training tokens), all positive. The target
/// can be negative, so fit on linear residuals.</para>
/// <para>Reference: C. Tao et al., "Scaling Laws with Vocabulary: Larger Models Deserve Larger Vocabularies", NeurIPS 2024,
/// arXiv:2407.13623, approach 3; formula checked against the authors' code (sail-sg/scaling-with-vocab,
/// approach3_isoloss.py, which also ties alpha1 = beta in its fits; do the same with a custom law or fixed values if
/// wanted).</para>
/// <para>E, A1, A2 and B enter linearly; the default search scans (alpha1, alpha2, beta) on a 12 × 12 × 12 grid in
/// [0.05, 1.2]³ and solves them by non-negative least squares (variable projection).</para>
/// </remarks>
public sealed class VocabularyLaw : ScalingLaw
{
    private static readonly double[] ExponentGrid = LiteratureMath.Logarithmic(0.05, 1.2, 12);

    /// <summary>Creates the law with inputs named <c>Nnv</c>, <c>Nv</c> and <c>D</c>.</summary>
    public VocabularyLaw()
        : base("vocabulary", "Lu = -E + A1/Nnv^alpha1 + A2/Nv^alpha2 + B/D^beta",
            [
                new LawParameter("E", "negated loss constant (Lu approaches −E)", ParameterScale.Log, 0.0, double.PositiveInfinity),
                new LawParameter("A1", "scale of the non-vocabulary parameter term", ParameterScale.Log, 0.0, double.PositiveInfinity),
                new LawParameter("alpha1", "exponent of the non-vocabulary parameter term", ParameterScale.Linear, 0.0, double.PositiveInfinity),
                new LawParameter("A2", "scale of the vocabulary parameter term", ParameterScale.Log, 0.0, double.PositiveInfinity),
                new LawParameter("alpha2", "exponent of the vocabulary parameter term", ParameterScale.Linear, 0.0, double.PositiveInfinity),
                new LawParameter("B", "scale of the data term", ParameterScale.Log, 0.0, double.PositiveInfinity),
                new LawParameter("beta", "exponent of the data term", ParameterScale.Linear, 0.0, double.PositiveInfinity),
            ],
            [
                new LawInput("Nnv", "non-vocabulary (non-embedding) parameters"),
                new LawInput("Nv", "vocabulary parameters: vocabulary size × embedding dimension"),
                new LawInput("D", "training tokens"),
            ])
    {
    }

    /// <inheritdoc/>
    public override IReadOnlyList<int> LinearParameterIndices { get; } = [0, 1, 3, 5];

    /// <inheritdoc/>
    public override void Evaluate(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> values, Span<double> jacobian)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var e = parameters[0];
        var a1 = parameters[1];
        var alpha1 = parameters[2];
        var a2 = parameters[3];
        var alpha2 = parameters[4];
        var b = parameters[5];
        var beta = parameters[6];
        var logNnv = inputs.LogColumn(0);
        var logNv = inputs.LogColumn(1);
        var logD = inputs.LogColumn(2);
        var withJacobian = !jacobian.IsEmpty;
        for (var i = 0; i < logNnv.Length; i++)
        {
            var t1 = Math.Exp(-alpha1 * logNnv[i]);
            var t2 = Math.Exp(-alpha2 * logNv[i]);
            var t3 = Math.Exp(-beta * logD[i]);
            values[i] = -e + (a1 * t1) + (a2 * t2) + (b * t3);
            if (withJacobian)
            {
                var row = jacobian.Slice(7 * i, 7);
                row[0] = -1.0;
                row[1] = t1;
                row[2] = -a1 * t1 * logNnv[i];
                row[3] = t2;
                row[4] = -a2 * t2 * logNv[i];
                row[5] = t3;
                row[6] = -b * t3 * logD[i];
            }
        }
    }

    /// <inheritdoc/>
    public override void EvaluateBasis(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> basis)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var logNnv = inputs.LogColumn(0);
        var logNv = inputs.LogColumn(1);
        var logD = inputs.LogColumn(2);
        var n = logNnv.Length;
        for (var i = 0; i < n; i++)
        {
            basis[i] = -1.0;
            basis[n + i] = Math.Exp(-parameters[2] * logNnv[i]);
            basis[(2 * n) + i] = Math.Exp(-parameters[4] * logNv[i]);
            basis[(3 * n) + i] = Math.Exp(-parameters[6] * logD[i]);
        }
    }

    /// <inheritdoc/>
    public override IReadOnlyList<double[]> GetNonlinearSearchGrid() => [[.. ExponentGrid], [.. ExponentGrid], [.. ExponentGrid]];

    /// <inheritdoc/>
    public override IReadOnlyList<double[]> GetDefaultStarts(LawInputs inputs, ReadOnlySpan<double> target)
    {
        var (min, _) = LiteratureMath.Range(target);
        return [[Math.Max(1e-3, -min + 1.0), 10.0, 0.3, 10.0, 0.3, 10.0, 0.3]];
    }

    /// <summary>
    /// Finds the vocabulary size that minimises the fitted loss for a compute budget: with Nv = V·d and the tokens the
    /// budget affords, <c>D = C/(6·(Nnv + V·d))</c>, V minimises <c>A2/(V·d)^alpha2 + B/D^beta</c> (the other terms do not
    /// depend on V), as in Tao et al.'s derivative-based approach.
    /// </summary>
    /// <param name="parameters">Fitted parameters of this law, in order (E, A1, alpha1, A2, alpha2, B, beta).</param>
    /// <param name="nonVocabularyParameters">Nnv; positive and finite.</param>
    /// <param name="embeddingDimension">d, the width of the embedding; positive and finite.</param>
    /// <param name="computeFlops">The training budget C in FLOPs; positive and finite.</param>
    /// <param name="minimumVocabulary">Smallest vocabulary size searched (default 256).</param>
    /// <param name="maximumVocabulary">Largest vocabulary size searched (default 1e7).</param>
    /// <returns>The loss-minimising vocabulary size V (not rounded); a search limit when the minimum lies outside them.</returns>
    /// <remarks>The loss is scanned on 400 logarithmically spaced sizes, then the best bracket is refined by golden-section
    /// search to a relative precision of about 1e-10.</remarks>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> does not have seven finite values.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size or the budget is not positive and finite, or the search limits are
    /// not ordered.</exception>
    public static double OptimalVocabularySize(IReadOnlyList<double> parameters, double nonVocabularyParameters,
        double embeddingDimension, double computeFlops, double minimumVocabulary = 256.0, double maximumVocabulary = 1e7)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Count != 7 || parameters.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("The vocabulary law has 7 finite parameters (E, A1, alpha1, A2, alpha2, B, beta).", nameof(parameters));
        }

        CheckPositive(nonVocabularyParameters, nameof(nonVocabularyParameters));
        CheckPositive(embeddingDimension, nameof(embeddingDimension));
        CheckPositive(computeFlops, nameof(computeFlops));
        CheckPositive(minimumVocabulary, nameof(minimumVocabulary));
        CheckPositive(maximumVocabulary, nameof(maximumVocabulary));
        if (!(maximumVocabulary > minimumVocabulary))
        {
            throw new ArgumentOutOfRangeException(nameof(maximumVocabulary), maximumVocabulary,
                string.Create(CultureInfo.InvariantCulture, $"The largest vocabulary must exceed the smallest ({minimumVocabulary})."));
        }

        var a2 = parameters[3];
        var alpha2 = parameters[4];
        var b = parameters[5];
        var beta = parameters[6];
        double Loss(double logV)
        {
            var nv = Math.Exp(logV) * embeddingDimension;
            var tokens = computeFlops / (6.0 * (nonVocabularyParameters + nv));
            return (a2 * Math.Pow(nv, -alpha2)) + (b * Math.Pow(tokens, -beta));
        }

        const int Points = 400;
        var lo = Math.Log(minimumVocabulary);
        var hi = Math.Log(maximumVocabulary);
        var step = (hi - lo) / (Points - 1);
        var best = 0;
        var bestLoss = double.PositiveInfinity;
        for (var k = 0; k < Points; k++)
        {
            var loss = Loss(lo + (k * step));
            if (loss < bestLoss)
            {
                bestLoss = loss;
                best = k;
            }
        }

        // Golden-section search on the bracket around the best grid point.
        var left = lo + (Math.Max(best - 1, 0) * step);
        var right = lo + (Math.Min(best + 1, Points - 1) * step);
        var ratio = (Math.Sqrt(5.0) - 1.0) / 2.0;
        var x1 = right - (ratio * (right - left));
        var x2 = left + (ratio * (right - left));
        var f1 = Loss(x1);
        var f2 = Loss(x2);
        while (right - left > 1e-10 * Math.Max(1.0, Math.Abs(left)))
        {
            if (f1 < f2)
            {
                right = x2;
                x2 = x1;
                f2 = f1;
                x1 = right - (ratio * (right - left));
                f1 = Loss(x1);
            }
            else
            {
                left = x1;
                x1 = x2;
                f1 = f2;
                x2 = left + (ratio * (right - left));
                f2 = Loss(x2);
            }
        }

        return Math.Exp(0.5 * (left + right));
    }

    private static void CheckPositive(double value, string name)
    {
        if (!(double.IsFinite(value) && value > 0.0))
        {
            throw new ArgumentOutOfRangeException(name, value, "The value must be positive and finite.");
        }
    }
}
