using ScalingLaws.Internal;

namespace ScalingLaws;

/// <summary>
/// Estimator M1 of Alabdulmohsin et al. (2022), the pure power law <c>epsilon(x) = beta·x^c</c> for error or loss as a
/// function of data (or model) size x.
/// </summary>
/// <remarks>
/// <para>Parameters, in order: <c>beta</c> (scale, positive, fitted as a log), <c>c</c> (exponent; negative for a falling
/// curve). Input: <c>x</c> (positive).</para>
/// <para>Reference: I. Alabdulmohsin, B. Neyshabur, X. Zhai, "Revisiting Neural Scaling Laws in Language and Vision",
/// NeurIPS 2022, arXiv:2209.06640 (formula as in the authors' code,
/// google-research/revisiting_neural_scaling_laws/methods/m1.py).</para>
/// <para>Default starts: the least-squares line through <c>(log x, log epsilon)</c>, plus the variable-projection grid over c.</para>
/// </remarks>
public sealed class AlabdulmohsinM1Law : ScalingLaw
{
    private static readonly double[] ExponentGrid = LiteratureMath.Linear(-2.0, 0.5, 51);

    /// <summary>Creates the law with input name <c>x</c>.</summary>
    public AlabdulmohsinM1Law()
        : this("x")
    {
    }

    /// <summary>Creates the law with a custom input name (the column the fitter looks for).</summary>
    /// <param name="inputName">Name of the input column, for example <c>examples</c>.</param>
    public AlabdulmohsinM1Law(string inputName)
        : base("m1", $"epsilon = beta*{inputName}^c",
            [
                new LawParameter("beta", "scale (value at x = 1)", ParameterScale.Log, 0.0, double.PositiveInfinity),
                new LawParameter("c", "exponent (negative for a falling curve)"),
            ],
            [new LawInput(inputName, "data size, model size or compute")])
    {
    }

    /// <inheritdoc/>
    public override IReadOnlyList<int> LinearParameterIndices { get; } = [0];

    /// <inheritdoc/>
    public override void Evaluate(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> values, Span<double> jacobian)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var beta = parameters[0];
        var c = parameters[1];
        var logX = inputs.LogColumn(0);
        var withJacobian = !jacobian.IsEmpty;
        for (var i = 0; i < logX.Length; i++)
        {
            var t = Math.Exp(c * logX[i]);
            var v = beta * t;
            values[i] = v;
            if (withJacobian)
            {
                jacobian[2 * i] = t;
                jacobian[(2 * i) + 1] = v * logX[i];
            }
        }
    }

    /// <inheritdoc/>
    public override void EvaluateBasis(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> basis)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var logX = inputs.LogColumn(0);
        for (var i = 0; i < logX.Length; i++)
        {
            basis[i] = Math.Exp(parameters[1] * logX[i]);
        }
    }

    /// <inheritdoc/>
    public override IReadOnlyList<double[]> GetNonlinearSearchGrid() => [[.. ExponentGrid]];

    /// <inheritdoc/>
    public override IReadOnlyList<double[]> GetDefaultStarts(LawInputs inputs, ReadOnlySpan<double> target)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var (slope, intercept) = LogLogLine(inputs.LogColumn(0), target);
        return double.IsFinite(slope) ? [[Math.Exp(intercept), slope]] : [[1.0, -0.5]];
    }

    /// <summary>Least-squares line through (log x, log y); NaN when a target is not positive or x does not vary.</summary>
    internal static (double Slope, double Intercept) LogLogLine(ReadOnlySpan<double> logX, ReadOnlySpan<double> target)
    {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        var n = target.Length;
        for (var i = 0; i < n; i++)
        {
            if (!(target[i] > 0.0))
            {
                return (double.NaN, double.NaN);
            }

            var ly = Math.Log(target[i]);
            sx += logX[i];
            sy += ly;
            sxx += logX[i] * logX[i];
            sxy += logX[i] * ly;
        }

        var denominator = (n * sxx) - (sx * sx);
        if (n < 2 || !(Math.Abs(denominator) > 0.0))
        {
            return (double.NaN, double.NaN);
        }

        var slope = ((n * sxy) - (sx * sy)) / denominator;
        return (slope, (sy - (slope * sx)) / n);
    }
}
