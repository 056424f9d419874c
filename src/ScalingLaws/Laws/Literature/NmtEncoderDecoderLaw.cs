using System.Globalization;
using ScalingLaws.Internal;

namespace ScalingLaws;

/// <summary>
/// The encoder–decoder law for neural machine translation of Ghorbani et al. (2021):
/// <c>L(Ne, Nd) = alpha·(N̄e/Ne)^pe·(N̄d/Nd)^pd + Linf</c>, with fixed reference sizes N̄e and N̄d.
/// </summary>
/// <remarks>
/// <para>Parameters, in order: <c>alpha</c> (loss scale at the reference sizes, positive, fitted as a log), <c>pe</c> (encoder
/// exponent, ≥ 0), <c>pd</c> (decoder exponent, ≥ 0), <c>Linf</c> (irreducible loss, ≥ 0). Inputs: <c>Ne</c> (encoder
/// parameters, positive) and <c>Nd</c> (decoder parameters, positive).</para>
/// <para>The reference sizes only rescale alpha; choose them near the middle of the data so alpha is well conditioned.</para>
/// <para>Reference: B. Ghorbani et al., "Scaling Laws for Neural Machine Translation", arXiv:2109.07740 (2021; ICLR 2022),
/// Eq. (2). Not yet checked against the paper's text (issue #9): the stored copies found held only the abstract, which
/// describes a bivariate law in encoder and decoder size with different exponents, consistent with but not proof of this
/// form.</para>
/// <para>alpha and Linf enter linearly; the default search scans (pe, pd) on a 30 × 30 grid in [0.02, 1.5]² and solves them by
/// non-negative least squares (variable projection).</para>
/// </remarks>
public sealed class NmtEncoderDecoderLaw : ScalingLaw
{
    /// <summary>The default reference size of the encoder and of the decoder, 1e8 parameters.</summary>
    public const double DefaultReferenceParameters = 1e8;

    private static readonly double[] ExponentGrid = LiteratureMath.Linear(0.02, 1.5, 30);
    private readonly double _logEncoderReference;
    private readonly double _logDecoderReference;

    /// <summary>Creates the law with reference sizes of 1e8 parameters and inputs named <c>Ne</c> and <c>Nd</c>.</summary>
    public NmtEncoderDecoderLaw()
        : this(DefaultReferenceParameters, DefaultReferenceParameters)
    {
    }

    /// <summary>Creates the law with the given reference sizes.</summary>
    /// <param name="encoderReferenceParameters">N̄e, the encoder reference size; positive and finite.</param>
    /// <param name="decoderReferenceParameters">N̄d, the decoder reference size; positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">A reference size is not positive and finite.</exception>
    public NmtEncoderDecoderLaw(double encoderReferenceParameters, double decoderReferenceParameters)
        : base("nmt-encoder-decoder", string.Create(CultureInfo.InvariantCulture,
                $"L = alpha*({CheckPositive(encoderReferenceParameters, nameof(encoderReferenceParameters)):G4}/Ne)^pe*({CheckPositive(decoderReferenceParameters, nameof(decoderReferenceParameters)):G4}/Nd)^pd + Linf"),
            [
                new LawParameter("alpha", "reducible loss at the reference sizes", ParameterScale.Log, 0.0, double.PositiveInfinity),
                new LawParameter("pe", "encoder exponent", ParameterScale.Linear, 0.0, double.PositiveInfinity),
                new LawParameter("pd", "decoder exponent", ParameterScale.Linear, 0.0, double.PositiveInfinity),
                new LawParameter("Linf", "irreducible loss", ParameterScale.Linear, 0.0, double.PositiveInfinity),
            ],
            [
                new LawInput("Ne", "encoder parameters"),
                new LawInput("Nd", "decoder parameters"),
            ])
    {
        EncoderReferenceParameters = encoderReferenceParameters;
        DecoderReferenceParameters = decoderReferenceParameters;
        _logEncoderReference = Math.Log(encoderReferenceParameters);
        _logDecoderReference = Math.Log(decoderReferenceParameters);
    }

    /// <summary>Gets N̄e, the encoder reference size.</summary>
    public double EncoderReferenceParameters { get; }

    /// <summary>Gets N̄d, the decoder reference size.</summary>
    public double DecoderReferenceParameters { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<int> LinearParameterIndices { get; } = [0, 3];

    /// <inheritdoc/>
    public override void Evaluate(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> values, Span<double> jacobian)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var alpha = parameters[0];
        var pe = parameters[1];
        var pd = parameters[2];
        var lInf = parameters[3];
        var logNe = inputs.LogColumn(0);
        var logNd = inputs.LogColumn(1);
        var withJacobian = !jacobian.IsEmpty;
        for (var i = 0; i < logNe.Length; i++)
        {
            var ge = _logEncoderReference - logNe[i];
            var gd = _logDecoderReference - logNd[i];
            var t = Math.Exp((pe * ge) + (pd * gd));
            var at = alpha * t;
            values[i] = at + lInf;
            if (withJacobian)
            {
                var row = jacobian.Slice(4 * i, 4);
                row[0] = t;
                row[1] = at * ge;
                row[2] = at * gd;
                row[3] = 1.0;
            }
        }
    }

    /// <inheritdoc/>
    public override void EvaluateBasis(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> basis)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var logNe = inputs.LogColumn(0);
        var logNd = inputs.LogColumn(1);
        var n = logNe.Length;
        for (var i = 0; i < n; i++)
        {
            basis[i] = Math.Exp((parameters[1] * (_logEncoderReference - logNe[i])) + (parameters[2] * (_logDecoderReference - logNd[i])));
            basis[n + i] = 1.0;
        }
    }

    /// <inheritdoc/>
    public override IReadOnlyList<double[]> GetNonlinearSearchGrid() => [[.. ExponentGrid], [.. ExponentGrid]];

    /// <inheritdoc/>
    public override IReadOnlyList<double[]> GetDefaultStarts(LawInputs inputs, ReadOnlySpan<double> target)
    {
        var (min, max) = LiteratureMath.Range(target);
        var lInf = Math.Max(0.0, 0.5 * min);
        return [[Math.Max(max - lInf, 1e-12), 0.3, 0.3, lInf]];
    }

    private static double CheckPositive(double value, string name)
    {
        if (!(double.IsFinite(value) && value > 0.0))
        {
            throw new ArgumentOutOfRangeException(name, value, "A reference size must be positive and finite.");
        }

        return value;
    }
}
