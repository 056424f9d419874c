using ScalingLaws.Internal;

namespace ScalingLaws;

/// <summary>
/// Estimator M3 of Alabdulmohsin et al. (2022): <c>epsilon(x) = beta·(1/x + gamma)^c</c>, a power law in x that saturates
/// at <c>beta·gamma^c</c> once x exceeds about 1/gamma.
/// </summary>
/// <remarks>
/// <para>Parameters, in order: <c>beta</c> (scale, positive, fitted as a log), <c>c</c> (exponent, ≥ 0), <c>gamma</c>
/// (saturation offset, ≥ 0, in units of 1/x). Input: <c>x</c> (positive).</para>
/// <para>Reference: I. Alabdulmohsin, B. Neyshabur, X. Zhai, "Revisiting Neural Scaling Laws in Language and Vision",
/// NeurIPS 2022, arXiv:2209.06640 (formula as in the authors' code, methods/m3.py, where c ≥ 0 is enforced).</para>
/// <para>beta enters linearly. Default starts: a data-aware grid with gamma = 0 and gamma from 0.01/x_max to 100/x_max,
/// c over 20 values in [0.05, 2], beta by least squares on relative errors; plus the variable-projection search.</para>
/// </remarks>
public sealed class AlabdulmohsinM3Law : ScalingLaw
{
    private static readonly double[] ExponentGrid = LiteratureMath.Logarithmic(0.05, 2.0, 20);
    private static readonly double[] GammaGrid = [0.0, .. LiteratureMath.Logarithmic(1e-8, 1.0, 17)];

    /// <summary>Creates the law with input name <c>x</c>.</summary>
    public AlabdulmohsinM3Law()
        : this("x")
    {
    }

    /// <summary>Creates the law with a custom input name (the column the fitter looks for).</summary>
    /// <param name="inputName">Name of the input column, for example <c>examples</c>.</param>
    public AlabdulmohsinM3Law(string inputName)
        : base("m3", $"epsilon = beta*(1/{inputName} + gamma)^c",
            [
                new LawParameter("beta", "scale", ParameterScale.Log, 0.0, double.PositiveInfinity),
                new LawParameter("c", "exponent (≥ 0)", ParameterScale.Linear, 0.0, double.PositiveInfinity),
                new LawParameter("gamma", "saturation offset, in units of 1/x", ParameterScale.Linear, 0.0, double.PositiveInfinity),
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
        var gamma = parameters[2];
        var x = inputs.Column(0);
        var withJacobian = !jacobian.IsEmpty;
        for (var i = 0; i < x.Length; i++)
        {
            var u = (1.0 / x[i]) + gamma;
            var logU = Math.Log(u);
            var t = Math.Exp(c * logU);
            var v = beta * t;
            values[i] = v;
            if (withJacobian)
            {
                var row = jacobian.Slice(3 * i, 3);
                row[0] = t;
                row[1] = v * logU;
                row[2] = c * v / u;
            }
        }
    }

    /// <inheritdoc/>
    public override void EvaluateBasis(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> basis)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var x = inputs.Column(0);
        for (var i = 0; i < x.Length; i++)
        {
            basis[i] = Math.Pow((1.0 / x[i]) + parameters[2], parameters[1]);
        }
    }

    /// <inheritdoc/>
    /// <remarks>c over 20 values in [0.05, 2]; gamma = 0 and 17 values from 1e-8 to 1 (data-independent; the default starts add
    /// a grid scaled to the data).</remarks>
    public override IReadOnlyList<double[]> GetNonlinearSearchGrid() => [[.. ExponentGrid], [.. GammaGrid]];

    /// <inheritdoc/>
    public override IReadOnlyList<double[]> GetDefaultStarts(LawInputs inputs, ReadOnlySpan<double> target)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var x = inputs.Column(0);
        var n = x.Length;
        var (_, xMax) = LiteratureMath.Range(x);
        var weights = LiteratureMath.RelativeWeights(target);
        double[] gammas = [0.0, .. LiteratureMath.Logarithmic(0.01 / xMax, 100.0 / xMax, 17)];
        var collector = new StartCollector(6);
        var basis = new double[n];
        foreach (var gamma in gammas)
        {
            foreach (var c in ExponentGrid)
            {
                double num = 0, den = 0;
                for (var i = 0; i < n; i++)
                {
                    basis[i] = Math.Pow((1.0 / x[i]) + gamma, c);
                    num += weights[i] * basis[i] * target[i];
                    den += weights[i] * basis[i] * basis[i];
                }

                var beta = num / den;
                if (!(beta > 0.0))
                {
                    continue;
                }

                var sse = 0.0;
                for (var i = 0; i < n; i++)
                {
                    var r = target[i] - (beta * basis[i]);
                    sse += weights[i] * r * r;
                }

                collector.Offer(sse, [beta, c, gamma]);
            }
        }

        return collector.ToList([1.0, 0.5, 0.0]);
    }
}
