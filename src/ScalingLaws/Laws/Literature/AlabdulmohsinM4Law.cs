using ScalingLaws.Internal;

namespace ScalingLaws;

/// <summary>
/// Estimator M4 of Alabdulmohsin et al. (2022), defined implicitly:
/// <c>(epsilon − epsilon_inf) / (epsilon_0 − epsilon)^alpha = beta·x^c</c>, a sigmoid-like curve on log x that falls from the
/// random-guessing error epsilon_0 towards the limiting error epsilon_inf and is a power law in between.
/// </summary>
/// <remarks>
/// <para>Parameters, in order: <c>beta</c> (scale, positive, fitted as a log), <c>c</c> (exponent, ≤ 0), <c>epsilon_inf</c>
/// (limiting error, ≥ 0), <c>epsilon_0</c> (error of random guessing, above epsilon_inf), <c>alpha</c> (≥ 0; 0 gives M2).
/// Input: <c>x</c> (positive).</para>
/// <para>Evaluation: with <c>b = epsilon_0 − epsilon_inf</c> and <c>epsilon = epsilon_inf + b·u</c>, u in (0, 1) solves
/// <c>log u − alpha·log(1 − u) = log(beta·x^c) + (alpha − 1)·log b</c>, whose left side is strictly increasing in
/// <c>z = logit(u)</c>; the root is found by a bracketing, bisection-safeguarded Newton iteration in z (always converges,
/// no allocation). The Jacobian follows from implicit differentiation of
/// <c>F = log(epsilon − epsilon_inf) − alpha·log(epsilon_0 − epsilon) − log beta − c·log x = 0</c>:
/// <c>∂epsilon/∂θ = −(∂F/∂θ)/(∂F/∂epsilon)</c>. Parameters with <c>epsilon_0 ≤ epsilon_inf</c> give NaN (rejected by the
/// fitter).</para>
/// <para>Reference: I. Alabdulmohsin, B. Neyshabur, X. Zhai, "Revisiting Neural Scaling Laws in Language and Vision",
/// NeurIPS 2022, arXiv:2209.06640 (formula as in the authors' code, methods/m4.py, which fits c ≤ 0 and
/// alpha ≥ 0 and initialises epsilon_0 at 1 for error rates).</para>
/// <para>Default starts: for epsilon_0 in {1 when all errors are below 1, 1.02, 1.1, 1.5 and 3 times the largest error},
/// epsilon_inf in {0, 0.5, 0.8, 0.95} times the smallest error and alpha in {0, 0.5, 1, 2}, (log beta, c) come from the
/// least-squares line of <c>log(epsilon − epsilon_inf) − alpha·log(epsilon_0 − epsilon)</c> on log x, as in the authors'
/// alternating fit; the best six are refined.</para>
/// </remarks>
public sealed class AlabdulmohsinM4Law : ScalingLaw
{
    /// <summary>Creates the law with input name <c>x</c>.</summary>
    public AlabdulmohsinM4Law()
        : this("x")
    {
    }

    /// <summary>Creates the law with a custom input name (the column the fitter looks for).</summary>
    /// <param name="inputName">Name of the input column, for example <c>examples</c>.</param>
    public AlabdulmohsinM4Law(string inputName)
        : base("m4", $"(epsilon - epsilon_inf)/(epsilon_0 - epsilon)^alpha = beta*{inputName}^c",
            [
                new LawParameter("beta", "scale", ParameterScale.Log, 0.0, double.PositiveInfinity),
                new LawParameter("c", "exponent (≤ 0)", ParameterScale.Linear, double.NegativeInfinity, 0.0),
                new LawParameter("epsilon_inf", "limiting error as x grows", ParameterScale.Linear, 0.0, double.PositiveInfinity),
                new LawParameter("epsilon_0", "error of random guessing (above epsilon_inf)", ParameterScale.Linear, 0.0, double.PositiveInfinity),
                new LawParameter("alpha", "shape of the transition (0 gives M2)", ParameterScale.Linear, 0.0, double.PositiveInfinity),
            ],
            [new LawInput(inputName, "data size, model size or compute")])
    {
    }

    /// <inheritdoc/>
    public override void Evaluate(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> values, Span<double> jacobian)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var beta = parameters[0];
        var c = parameters[1];
        var epsilonInf = parameters[2];
        var epsilon0 = parameters[3];
        var alpha = parameters[4];
        var logX = inputs.LogColumn(0);
        var withJacobian = !jacobian.IsEmpty;
        var b = epsilon0 - epsilonInf;
        if (!(b > 0.0) || !(beta > 0.0) || !(alpha >= 0.0))
        {
            values[..logX.Length].Fill(double.NaN);
            return;
        }

        var logB = Math.Log(b);
        var logBeta = Math.Log(beta);
        var function = new Transition(alpha);
        for (var i = 0; i < logX.Length; i++)
        {
            var logF = logBeta + (c * logX[i]);
            double w, rest, inverseSlope;
            if (alpha == 0.0)
            {
                // M2: epsilon = epsilon_inf + beta·x^c.
                w = Math.Exp(logF);
                rest = b - w;
                inverseSlope = w;
            }
            else
            {
                var target = logF + ((alpha - 1.0) * logB);
                var guess = target < 0.0 ? target : target / alpha;
                var z = LiteratureMath.SolveIncreasing(function, target, guess);
                w = b * LiteratureMath.Sigmoid(z);
                rest = b * LiteratureMath.Sigmoid(-z);
                inverseSlope = 1.0 / ((1.0 / w) + (alpha / rest));
            }

            values[i] = epsilonInf + w;
            if (withJacobian)
            {
                var row = jacobian.Slice(5 * i, 5);
                row[0] = inverseSlope / beta;
                row[1] = inverseSlope * logX[i];
                row[2] = inverseSlope / w;
                row[3] = alpha == 0.0 ? 0.0 : inverseSlope * alpha / rest;
                row[4] = rest > 0.0 ? inverseSlope * Math.Log(rest) : 0.0;
            }
        }
    }

    /// <inheritdoc/>
    public override IReadOnlyList<double[]> GetDefaultStarts(LawInputs inputs, ReadOnlySpan<double> target)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var logX = inputs.LogColumn(0);
        var n = target.Length;
        var (min, max) = LiteratureMath.Range(target);
        var weights = LiteratureMath.RelativeWeights(target);
        var collector = new StartCollector(6);
        var ceilings = new List<double> { 1.02 * max, 1.1 * max, 1.5 * max, 3.0 * max };
        if (max < 1.0)
        {
            ceilings.Insert(0, 1.0);
        }

        var transformed = new double[n];
        foreach (var epsilon0 in ceilings)
        {
            foreach (var floorFraction in new[] { 0.0, 0.5, 0.8, 0.95 })
            {
                var epsilonInf = floorFraction * Math.Max(min, 0.0);
                foreach (var alpha in new[] { 0.0, 0.5, 1.0, 2.0 })
                {
                    var ok = true;
                    for (var i = 0; i < n && ok; i++)
                    {
                        var above = target[i] - epsilonInf;
                        var below = epsilon0 - target[i];
                        ok = above > 0.0 && below > 0.0;
                        transformed[i] = ok ? Math.Exp(Math.Log(above) - (alpha * Math.Log(below))) : 0.0;
                    }

                    if (!ok)
                    {
                        continue;
                    }

                    var (slope, intercept) = AlabdulmohsinM1Law.LogLogLine(logX, transformed);
                    if (!double.IsFinite(slope))
                    {
                        continue;
                    }

                    double[] start = [Math.Exp(intercept), Math.Min(slope, 0.0), epsilonInf, epsilon0, alpha];
                    collector.Offer(LiteratureMath.WeightedSse(this, start, inputs, target, weights), start);
                }
            }
        }

        return collector.ToList([1.0, -0.5, 0.0, Math.Max(1.0, 1.1 * max), 1.0]);
    }

    /// <summary>φ(z) = log u − alpha·log(1 − u) with u = logistic(z), i.e. −softplus(−z) + alpha·softplus(z); strictly
    /// increasing with φ′(z) = logistic(−z) + alpha·logistic(z).</summary>
    private readonly struct Transition(double alpha) : IMonotoneFunction
    {
        public double Value(double z, out double derivative)
        {
            derivative = LiteratureMath.Sigmoid(-z) + (alpha * LiteratureMath.Sigmoid(z));
            return -LiteratureMath.Softplus(-z) + (alpha * LiteratureMath.Softplus(z));
        }
    }
}
