namespace ScalingLaws;

/// <summary>The power law plus constant <c>y = E + A·x^(−alpha)</c> (irreducible loss E).</summary>
/// <remarks>
/// <para>Parameters, in order: <c>E</c> (irreducible value, ≥ 0), <c>A</c> (scale, positive, fitted as log A),
/// <c>alpha</c> (exponent, ≥ 0). Input: <c>x</c> (positive).</para>
/// <para>References: Henighan et al. 2020, arXiv:2010.14701 (<c>L = L∞ + (x0/x)^α</c>); Hestness et al. 2017.</para>
/// <para>E and A enter linearly, so default starts come from a grid over alpha with E and A solved by non-negative least squares.
/// E and alpha are usually strongly correlated on data that spans few decades: read the correlation warnings.</para>
/// </remarks>
public sealed class SaturatingPowerLaw : ScalingLaw
{
    private static readonly double[] AlphaGrid = Enumerable.Range(0, 60).Select(i => 0.005 * Math.Pow(1000.0, i / 59.0)).ToArray();

    /// <summary>Creates the law with input name <c>x</c>.</summary>
    public SaturatingPowerLaw()
        : this("x")
    {
    }

    /// <summary>Creates the law with a custom input name (the column the fitter looks for).</summary>
    /// <param name="inputName">Name of the input column, for example <c>C</c>.</param>
    public SaturatingPowerLaw(string inputName)
        : base("power-law-plus-constant", $"y = E + A*{inputName}^(-alpha)",
            [
                new LawParameter("E", "irreducible value (asymptote as x grows)", ParameterScale.Linear, 0.0, double.PositiveInfinity),
                new LawParameter("A", "scale of the reducible term", ParameterScale.Log, 0.0, double.PositiveInfinity),
                new LawParameter("alpha", "exponent of the reducible term", ParameterScale.Linear, 0.0, double.PositiveInfinity),
            ],
            [new LawInput(inputName, "the scaling variable (parameters, tokens, FLOPs, ...)")])
    {
    }

    /// <inheritdoc/>
    public override IReadOnlyList<int> LinearParameterIndices { get; } = [0, 1];

    /// <inheritdoc/>
    public override void Evaluate(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> values, Span<double> jacobian)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var e = parameters[0];
        var a = parameters[1];
        var alpha = parameters[2];
        var logX = inputs.LogColumn(0);
        var withJacobian = !jacobian.IsEmpty;
        for (var i = 0; i < logX.Length; i++)
        {
            var t = Math.Exp(-alpha * logX[i]);
            var at = a * t;
            values[i] = e + at;
            if (withJacobian)
            {
                var row = jacobian.Slice(3 * i, 3);
                row[0] = 1.0;
                row[1] = t;
                row[2] = -at * logX[i];
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
            basis[i] = 1.0;
            basis[n + i] = Math.Exp(-parameters[2] * logX[i]);
        }
    }

    /// <inheritdoc/>
    public override IReadOnlyList<double[]> GetNonlinearSearchGrid() => [[.. AlphaGrid]];

    /// <inheritdoc/>
    public override IReadOnlyList<double[]> GetDefaultStarts(LawInputs inputs, ReadOnlySpan<double> target)
    {
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        foreach (var y in target)
        {
            min = Math.Min(min, y);
            max = Math.Max(max, y);
        }

        var e = Math.Max(0.0, 0.5 * min);
        return [[e, Math.Max(max - e, 1e-12), 0.3]];
    }
}
