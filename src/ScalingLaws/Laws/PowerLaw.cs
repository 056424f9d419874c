namespace ScalingLaws;

/// <summary>The pure power law <c>y = A·x^(−alpha)</c>.</summary>
/// <remarks>
/// <para>Parameters, in order: <c>A</c> (scale, positive, fitted as log A), <c>alpha</c> (exponent; negative for a growing law
/// such as <c>N_opt = k·C^a</c>, which is <c>alpha = −a</c>). Input: <c>x</c> (positive).</para>
/// <para>References: Hestness et al. 2017 (power-law region); Kaplan et al. 2020, arXiv:2001.08361.</para>
/// <para>Default starts: the ordinary least-squares line through <c>(log x, log y)</c> when all targets are positive,
/// plus the variable-projection grid over alpha.</para>
/// </remarks>
/// <example><code>
/// var fit = ScalingLawFitter.Fit(new PowerLaw(), compute, optimalParameterCounts,
///     FitOptions.Default with { ResidualSpace = ResidualSpace.Log });
/// </code></example>
public sealed class PowerLaw : ScalingLaw
{
    private static readonly double[] AlphaGrid = Enumerable.Range(0, 81).Select(i => -4.0 + (0.1 * i)).ToArray();

    /// <summary>Creates the law with input name <c>x</c>.</summary>
    public PowerLaw()
        : this("x")
    {
    }

    /// <summary>Creates the law with a custom input name (the column the fitter looks for).</summary>
    /// <param name="inputName">Name of the input column, for example <c>C</c>.</param>
    public PowerLaw(string inputName)
        : base("power-law", $"y = A*{inputName}^(-alpha)",
            [
                new LawParameter("A", "scale (value of y at x = 1)", ParameterScale.Log, 0.0, double.PositiveInfinity),
                new LawParameter("alpha", "exponent of the decay (negative for growth)"),
            ],
            [new LawInput(inputName, "the scaling variable (parameters, tokens, FLOPs, ...)")])
    {
    }

    /// <inheritdoc/>
    public override IReadOnlyList<int> LinearParameterIndices { get; } = [0];

    /// <inheritdoc/>
    public override void Evaluate(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> values, Span<double> jacobian)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var a = parameters[0];
        var alpha = parameters[1];
        var logX = inputs.LogColumn(0);
        var withJacobian = !jacobian.IsEmpty;
        for (var i = 0; i < logX.Length; i++)
        {
            var t = Math.Exp(-alpha * logX[i]);
            var v = a * t;
            values[i] = v;
            if (withJacobian)
            {
                jacobian[2 * i] = t;
                jacobian[(2 * i) + 1] = -v * logX[i];
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
            basis[i] = Math.Exp(-parameters[1] * logX[i]);
        }
    }

    /// <inheritdoc/>
    public override IReadOnlyList<double[]> GetNonlinearSearchGrid() => [[.. AlphaGrid]];

    /// <inheritdoc/>
    public override IReadOnlyList<double[]> GetDefaultStarts(LawInputs inputs, ReadOnlySpan<double> target)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var logX = inputs.LogColumn(0);
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        var n = 0;
        for (var i = 0; i < target.Length; i++)
        {
            if (!(target[i] > 0.0))
            {
                return [[1.0, 0.5]];
            }

            var ly = Math.Log(target[i]);
            sx += logX[i];
            sy += ly;
            sxx += logX[i] * logX[i];
            sxy += logX[i] * ly;
            n++;
        }

        var denominator = (n * sxx) - (sx * sx);
        if (n < 2 || !(Math.Abs(denominator) > 0.0))
        {
            return [[Math.Max(sy / Math.Max(n, 1), 1e-300), 0.0]];
        }

        var slope = ((n * sxy) - (sx * sy)) / denominator;
        var intercept = (sy - (slope * sx)) / n;
        return [[Math.Exp(intercept), -slope]];
    }
}
