using ScalingLaws.Internal;

namespace ScalingLaws;

/// <summary>
/// The Step Law for the optimal batch size (Li et al. 2025): <c>B_opt(D) = b·D^gamma</c>, a log-linear law in the number of
/// training tokens, with the published constants available for prediction.
/// </summary>
/// <remarks>
/// <para>Parameters, in order: <c>b</c> (scale, positive, fitted as a log), <c>gamma</c> (exponent). Input: <c>D</c>
/// (training tokens, positive). The batch size is in tokens. Fit it on log residuals (<see cref="ResidualSpace.Log"/>).</para>
/// <para>Reference: H. Li et al., "Predictable Scale: Part I — Optimal Hyperparameter Scaling Law in Large Language Model
/// Pretraining", arXiv:2503.04715 (2025): <c>B_opt = 0.58·D^0.571</c>.</para>
/// <para>b enters linearly; default starts are the least-squares line through <c>(log D, log B)</c> and the published
/// constants, plus the variable-projection grid over gamma.</para>
/// </remarks>
public sealed class StepLawBatchSize : ScalingLaw
{
    private static readonly double[] ExponentGrid = LiteratureMath.Linear(-1.0, 2.0, 61);

    /// <summary>Creates the law with input name <c>D</c>.</summary>
    public StepLawBatchSize()
        : base("step-law-batch-size", "B_opt = b*D^gamma",
            [
                new LawParameter("b", "scale", ParameterScale.Log, 0.0, double.PositiveInfinity),
                new LawParameter("gamma", "exponent of the token count"),
            ],
            [new LawInput("D", "training tokens")])
    {
    }

    /// <summary>Gets the published constants (b 0.58, gamma 0.571).</summary>
    public static IReadOnlyList<double> PublishedParameters { get; } = [0.58, 0.571];

    /// <inheritdoc/>
    public override IReadOnlyList<int> LinearParameterIndices { get; } = [0];

    /// <summary>Predicts the optimal batch size, in tokens, with the published constants.</summary>
    /// <param name="tokenCount">D, training tokens; positive and finite.</param>
    /// <returns><c>0.58·D^0.571</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tokenCount"/> is not positive and finite.</exception>
    public static double PredictPublished(double tokenCount)
    {
        CheckPositive(tokenCount, nameof(tokenCount));
        return PublishedParameters[0] * Math.Pow(tokenCount, PublishedParameters[1]);
    }

    /// <inheritdoc/>
    public override void Evaluate(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> values, Span<double> jacobian)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var b = parameters[0];
        var gamma = parameters[1];
        var logD = inputs.LogColumn(0);
        var withJacobian = !jacobian.IsEmpty;
        for (var i = 0; i < logD.Length; i++)
        {
            var t = Math.Exp(gamma * logD[i]);
            var v = b * t;
            values[i] = v;
            if (withJacobian)
            {
                jacobian[2 * i] = t;
                jacobian[(2 * i) + 1] = v * logD[i];
            }
        }
    }

    /// <inheritdoc/>
    public override void EvaluateBasis(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> basis)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var logD = inputs.LogColumn(0);
        for (var i = 0; i < logD.Length; i++)
        {
            basis[i] = Math.Exp(parameters[1] * logD[i]);
        }
    }

    /// <inheritdoc/>
    public override IReadOnlyList<double[]> GetNonlinearSearchGrid() => [[.. ExponentGrid]];

    /// <inheritdoc/>
    public override IReadOnlyList<double[]> GetDefaultStarts(LawInputs inputs, ReadOnlySpan<double> target)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var (slope, intercept) = AlabdulmohsinM1Law.LogLogLine(inputs.LogColumn(0), target);
        return double.IsFinite(slope) ? [[Math.Exp(intercept), slope], [.. PublishedParameters]] : [[.. PublishedParameters]];
    }

    internal static void CheckPositive(double value, string name)
    {
        if (!(double.IsFinite(value) && value > 0.0))
        {
            throw new ArgumentOutOfRangeException(name, value, "The value must be positive and finite.");
        }
    }
}
