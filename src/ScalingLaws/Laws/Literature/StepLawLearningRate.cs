using ScalingLaws.Internal;

namespace ScalingLaws;

/// <summary>
/// The Step Law for the optimal peak learning rate (Li et al. 2025): <c>eta_opt(N, D) = a·N^alpha·D^beta</c>, a log-linear
/// law, with the published constants available for prediction.
/// </summary>
/// <remarks>
/// <para>Parameters, in order: <c>a</c> (scale, positive, fitted as a log), <c>alpha</c> (exponent of the parameter count;
/// negative in the paper), <c>beta</c> (exponent of the token count). Inputs: <c>N</c> (non-embedding parameters) and
/// <c>D</c> (training tokens), both positive. Fit it on log residuals (<see cref="ResidualSpace.Log"/>): the fit is then
/// the ordinary least-squares regression of <c>log eta</c> on <c>log N</c> and <c>log D</c>.</para>
/// <para>Reference: H. Li et al., "Predictable Scale: Part I — Optimal Hyperparameter Scaling Law in Large Language Model
/// Pretraining", arXiv:2503.04715 (2025): <c>eta_opt = 1.79·N^(−0.713)·D^(0.307)</c>.</para>
/// <para>a enters linearly; default starts are the least-squares plane through <c>(log N, log D, log eta)</c> and the
/// published constants, plus the variable-projection grid.</para>
/// </remarks>
public sealed class StepLawLearningRate : ScalingLaw
{
    private static readonly double[] ExponentGrid = LiteratureMath.Linear(-1.5, 1.5, 31);

    /// <summary>Creates the law with inputs named <c>N</c> and <c>D</c>.</summary>
    public StepLawLearningRate()
        : base("step-law-learning-rate", "eta_opt = a*N^alpha*D^beta",
            [
                new LawParameter("a", "scale", ParameterScale.Log, 0.0, double.PositiveInfinity),
                new LawParameter("alpha", "exponent of the parameter count"),
                new LawParameter("beta", "exponent of the token count"),
            ],
            [
                new LawInput("N", "non-embedding model parameters"),
                new LawInput("D", "training tokens"),
            ])
    {
    }

    /// <summary>Gets the published constants (a 1.79, alpha −0.713, beta 0.307).</summary>
    public static IReadOnlyList<double> PublishedParameters { get; } = [1.79, -0.713, 0.307];

    /// <inheritdoc/>
    public override IReadOnlyList<int> LinearParameterIndices { get; } = [0];

    /// <summary>Predicts the optimal peak learning rate with the published constants.</summary>
    /// <param name="parameterCount">N, non-embedding parameters; positive and finite.</param>
    /// <param name="tokenCount">D, training tokens; positive and finite.</param>
    /// <returns><c>1.79·N^(−0.713)·D^(0.307)</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An input is not positive and finite.</exception>
    public static double PredictPublished(double parameterCount, double tokenCount)
    {
        StepLawBatchSize.CheckPositive(parameterCount, nameof(parameterCount));
        StepLawBatchSize.CheckPositive(tokenCount, nameof(tokenCount));
        return PublishedParameters[0] * Math.Pow(parameterCount, PublishedParameters[1]) * Math.Pow(tokenCount, PublishedParameters[2]);
    }

    /// <inheritdoc/>
    public override void Evaluate(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> values, Span<double> jacobian)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var a = parameters[0];
        var alpha = parameters[1];
        var beta = parameters[2];
        var logN = inputs.LogColumn(0);
        var logD = inputs.LogColumn(1);
        var withJacobian = !jacobian.IsEmpty;
        for (var i = 0; i < logN.Length; i++)
        {
            var t = Math.Exp((alpha * logN[i]) + (beta * logD[i]));
            var v = a * t;
            values[i] = v;
            if (withJacobian)
            {
                var row = jacobian.Slice(3 * i, 3);
                row[0] = t;
                row[1] = v * logN[i];
                row[2] = v * logD[i];
            }
        }
    }

    /// <inheritdoc/>
    public override void EvaluateBasis(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> basis)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var logN = inputs.LogColumn(0);
        var logD = inputs.LogColumn(1);
        for (var i = 0; i < logN.Length; i++)
        {
            basis[i] = Math.Exp((parameters[1] * logN[i]) + (parameters[2] * logD[i]));
        }
    }

    /// <inheritdoc/>
    public override IReadOnlyList<double[]> GetNonlinearSearchGrid() => [[.. ExponentGrid], [.. ExponentGrid]];

    /// <inheritdoc/>
    public override IReadOnlyList<double[]> GetDefaultStarts(LawInputs inputs, ReadOnlySpan<double> target)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var starts = new List<double[]>();
        var n = target.Length;
        var positive = true;
        foreach (var y in target)
        {
            positive &= y > 0.0;
        }

        if (positive && n >= 3)
        {
            // Normal equations of log y = log a + alpha·log N + beta·log D.
            var logN = inputs.LogColumn(0);
            var logD = inputs.LogColumn(1);
            Span<double> gram = stackalloc double[9];
            Span<double> rhs = stackalloc double[3];
            for (var i = 0; i < n; i++)
            {
                Span<double> row = [1.0, logN[i], logD[i]];
                var ly = Math.Log(target[i]);
                for (var r = 0; r < 3; r++)
                {
                    rhs[r] += row[r] * ly;
                    for (var c = 0; c < 3; c++)
                    {
                        gram[(3 * r) + c] += row[r] * row[c];
                    }
                }
            }

            if (SmallDense.CholeskySolve(gram, rhs, 3) && double.IsFinite(rhs[0]) && double.IsFinite(rhs[1]) && double.IsFinite(rhs[2]))
            {
                starts.Add([Math.Exp(rhs[0]), rhs[1], rhs[2]]);
            }
        }

        starts.Add([.. PublishedParameters]);
        return starts;
    }
}
