using ScalingLaws.Internal;

namespace ScalingLaws;

/// <summary>
/// Estimator M2 of Alabdulmohsin et al. (2022), a power law plus a limiting error: <c>epsilon(x) = epsilon_inf + beta·x^c</c>.
/// </summary>
/// <remarks>
/// <para>Parameters, in order: <c>beta</c> (scale, positive, fitted as a log), <c>c</c> (exponent, ≤ 0), <c>epsilon_inf</c>
/// (limiting error with unlimited x, ≥ 0). Input: <c>x</c> (positive).</para>
/// <para>Reference: I. Alabdulmohsin, B. Neyshabur, X. Zhai, "Revisiting Neural Scaling Laws in Language and Vision",
/// NeurIPS 2022, arXiv:2209.06640 (formula as in the authors' code, methods/m2.py).</para>
/// <para>beta and epsilon_inf enter linearly; the default search scans c on 60 values in [−2, −0.005] and solves them by
/// non-negative least squares (variable projection).</para>
/// </remarks>
public sealed class AlabdulmohsinM2Law : ScalingLaw
{
    private static readonly double[] ExponentGrid = LiteratureMath.Logarithmic(0.005, 2.0, 60).Select(v => -v).ToArray();

    /// <summary>Creates the law with input name <c>x</c>.</summary>
    public AlabdulmohsinM2Law()
        : this("x")
    {
    }

    /// <summary>Creates the law with a custom input name (the column the fitter looks for).</summary>
    /// <param name="inputName">Name of the input column, for example <c>examples</c>.</param>
    public AlabdulmohsinM2Law(string inputName)
        : base("m2", $"epsilon = epsilon_inf + beta*{inputName}^c",
            [
                new LawParameter("beta", "scale of the reducible error", ParameterScale.Log, 0.0, double.PositiveInfinity),
                new LawParameter("c", "exponent (≤ 0)", ParameterScale.Linear, double.NegativeInfinity, 0.0),
                new LawParameter("epsilon_inf", "limiting error as x grows", ParameterScale.Linear, 0.0, double.PositiveInfinity),
            ],
            [new LawInput(inputName, "data size, model size or compute")])
    {
    }

    /// <inheritdoc/>
    public override IReadOnlyList<int> LinearParameterIndices { get; } = [0, 2];

    /// <inheritdoc/>
    public override void Evaluate(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> values, Span<double> jacobian)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var beta = parameters[0];
        var c = parameters[1];
        var epsilonInf = parameters[2];
        var logX = inputs.LogColumn(0);
        var withJacobian = !jacobian.IsEmpty;
        for (var i = 0; i < logX.Length; i++)
        {
            var t = Math.Exp(c * logX[i]);
            values[i] = epsilonInf + (beta * t);
            if (withJacobian)
            {
                var row = jacobian.Slice(3 * i, 3);
                row[0] = t;
                row[1] = beta * t * logX[i];
                row[2] = 1.0;
            }
        }
    }

    /// <inheritdoc/>
    public override void EvaluateBasis(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> basis)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var logX = inputs.LogColumn(0);
        var n = logX.Length;
        for (var i = 0; i < n; i++)
        {
            basis[i] = Math.Exp(parameters[1] * logX[i]);
            basis[n + i] = 1.0;
        }
    }

    /// <inheritdoc/>
    public override IReadOnlyList<double[]> GetNonlinearSearchGrid() => [[.. ExponentGrid]];

    /// <inheritdoc/>
    public override IReadOnlyList<double[]> GetDefaultStarts(LawInputs inputs, ReadOnlySpan<double> target)
    {
        var (min, max) = LiteratureMath.Range(target);
        var floor = Math.Max(0.0, 0.5 * min);
        return [[Math.Max(max - floor, 1e-12), -0.3, floor]];
    }
}
