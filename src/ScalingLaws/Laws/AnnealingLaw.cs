namespace ScalingLaws;

/// <summary>
/// The learning-rate annealing law of Tissue et al. (2024), <c>L(s) = L0 + A·S1^(−alpha) − C·S2</c>: loss along a training
/// run as a function of the forward area <c>S1</c> (sum of learning rates so far) and the annealing area <c>S2</c>.
/// </summary>
/// <remarks>
/// <para>Parameters, in order: <c>L0</c> (≥ 0), <c>A</c> (positive, fitted as log A), <c>alpha</c> (≥ 0), <c>C</c> (≥ 0).
/// Inputs: <c>S1</c> (positive) and <c>S2</c> (any finite value; negative during warmup).</para>
/// <para>Reference: H. Tissue, V. Wang, L. Wang, "Scaling Law with Learning Rate Annealing", arXiv:2408.11029 (2024).</para>
/// <para>L0, A and C enter linearly; the default search scans alpha and solves them by non-negative least squares.</para>
/// </remarks>
public sealed class AnnealingLaw : ScalingLaw
{
    private static readonly double[] AlphaGrid = Enumerable.Range(0, 40).Select(i => 0.02 + (0.06 * i)).ToArray();

    /// <summary>Creates the law with inputs named <c>S1</c> and <c>S2</c>.</summary>
    public AnnealingLaw()
        : base("lr-annealing", "L = L0 + A*S1^(-alpha) - C*S2",
            [
                new LawParameter("L0", "loss approached as S1 grows without annealing", ParameterScale.Linear, 0.0, double.PositiveInfinity),
                new LawParameter("A", "scale of the forward-area term", ParameterScale.Log, 0.0, double.PositiveInfinity),
                new LawParameter("alpha", "exponent of the forward-area term", ParameterScale.Linear, 0.0, double.PositiveInfinity),
                new LawParameter("C", "loss drop per unit of annealing area", ParameterScale.Linear, 0.0, double.PositiveInfinity),
            ],
            [
                new LawInput("S1", "forward area: sum of learning rates up to the step"),
                new LawInput("S2", "annealing area: sum of momentum of learning-rate decreases", InputDomain.Finite),
            ])
    {
    }

    /// <inheritdoc/>
    public override IReadOnlyList<int> LinearParameterIndices { get; } = [0, 1, 3];

    /// <inheritdoc/>
    public override void Evaluate(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> values, Span<double> jacobian)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var l0 = parameters[0];
        var a = parameters[1];
        var alpha = parameters[2];
        var c = parameters[3];
        var logS1 = inputs.LogColumn(0);
        var s2 = inputs.Column(1);
        var withJacobian = !jacobian.IsEmpty;
        for (var i = 0; i < logS1.Length; i++)
        {
            var t = Math.Exp(-alpha * logS1[i]);
            var at = a * t;
            values[i] = l0 + at - (c * s2[i]);
            if (withJacobian)
            {
                var row = jacobian.Slice(4 * i, 4);
                row[0] = 1.0;
                row[1] = t;
                row[2] = -at * logS1[i];
                row[3] = -s2[i];
            }
        }
    }

    /// <inheritdoc/>
    public override void EvaluateBasis(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> basis)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var logS1 = inputs.LogColumn(0);
        var s2 = inputs.Column(1);
        var n = logS1.Length;
        for (var i = 0; i < n; i++)
        {
            basis[i] = 1.0;
            basis[n + i] = Math.Exp(-parameters[2] * logS1[i]);
            basis[(2 * n) + i] = -s2[i];
        }
    }

    /// <inheritdoc/>
    public override IReadOnlyList<double[]> GetNonlinearSearchGrid() => [[.. AlphaGrid]];

    /// <inheritdoc/>
    public override IReadOnlyList<double[]> GetDefaultStarts(LawInputs inputs, ReadOnlySpan<double> target)
    {
        var min = double.PositiveInfinity;
        foreach (var y in target)
        {
            min = Math.Min(min, y);
        }

        return [[Math.Max(0.0, 0.9 * min), 0.5, 0.5, 1.0]];
    }
}
