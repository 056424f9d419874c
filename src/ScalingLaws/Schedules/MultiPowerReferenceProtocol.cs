using System.Globalization;
using ScalingLaws.Internal;

namespace ScalingLaws;

/// <summary>
/// The fitting procedure of the Multi-Power Law reference code (github.com/thu-yao-01-luo/MultiPowerLaw, commit 8da9f19,
/// <c>src/fitting.py</c> and <c>src/config.py</c>), which produced the published parameters.
/// </summary>
/// <remarks>
/// <para>Stage 1 fits the surrogate <c>L0 + A·S1^(−alpha) − B·(η_peak − η_t)</c> (Huber(1e-3) on log residuals, all
/// parameters ≥ 0) from a 5×3×3×3 grid: L0 ∈ linspace(min − 0.2, min + 0.2, 5) with min the smallest loss, A and alpha from a
/// log-log regression of <c>loss − min + 0.01</c> on S1 (±0.1 around its fit), B ∈ {100, 550, 1000}.</para>
/// <para>Stage 2 starts the Multi-Power Law at (L0, A, alpha, B, C = 1, beta = 0.5, gamma = 0.5) and takes at most 200
/// AdamW steps (PyTorch defaults: betas 0.9/0.999, eps 1e-8, weight decay 0.01) with learning rate 5e-2 for L0, A, B, C and
/// 5e-3 for alpha, beta, gamma on the summed Huber(1e-3) objective of log residuals; it stops after 20 steps without
/// improvement or when the gradient norm falls below 1e-5. As in the reference code, the losses are held in single
/// precision, and the parameters kept are those <i>after</i> the step whose starting point had the lowest objective.</para>
/// <para>The procedure stops early by design, so the result is not a stationary point of the objective: a converged fit
/// (<see cref="LossCurveFitter.FitMultiPowerLaw"/>) reaches a much lower objective. It is offered to reproduce the
/// published parameters.</para>
/// </remarks>
internal static class MultiPowerReferenceProtocol
{
    private const double HuberDelta = 1e-3;
    private const double ScaleLearningRate = 5e-2;
    private const double ExponentLearningRate = 5e-3;
    private const int MaxSteps = 200;
    private const int Patience = 20;
    private const double GradientNormThreshold = 1e-5;
    private const double WeightDecay = 0.01;
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;
    private const double InitialC = 1.0;
    private const double InitialBeta = 0.5;
    private const double InitialGamma = 0.5;

    public static LossCurveFit Fit(IReadOnlyList<LossCurve> curves)
    {
        var surrogate = FitSurrogate(curves);
        var law = new MultiPowerLaw(curves.Select(c => c.Schedule));
        var data = MultiPowerLaw.CreateObservations(curves);
        double[] start = [surrogate[0], surrogate[1], surrogate[2], surrogate[3], InitialC, InitialBeta, InitialGamma];
        var (parameters, steps, reason) = RunAdamW(law, data, start);

        var options = LossCurveFitter.DefaultOptions with { Starts = StartStrategy.FromPoint(start) };
        var problem = new FitProblem(law, data, options);
        var theta = new double[problem.Q];
        problem.TryToInternal(parameters, theta, clipToBounds: true);
        var ws = new SolverWorkspace(problem.N, problem.P, problem.Q);
        var objective = problem.ReportedObjective(problem.Evaluate(theta, ws, new double[problem.N], []));
        var message = string.Create(CultureInfo.InvariantCulture,
            $"reference protocol of Luo et al. (2025): AdamW stopped after {steps} steps ({reason}); the parameters are not a stationary point of the objective");
        var outcome = new SolverOutcome(FitStatus.MaxIterationsReached, objective, steps, steps, double.NaN, message);
        var summary = new MultiStartSummary(1, 0, 1, 0, 135,
            "reference protocol (surrogate grid of 135 starts, then AdamW from C = 1, beta = 0.5, gamma = 0.5)");
        var result = FitResultBuilder.Build(problem, theta, outcome, summary);
        return new LossCurveFit(result, LossCurvePredictor.ForMultiPowerLaw(result.Parameters), [.. curves]);
    }

    /// <summary>
    /// Starting points for a converged fit: the stage-1 surrogate's L0, A, alpha and B completed with three settings of
    /// (C, beta, gamma): the reference code's (1, 0.5, 0.5), and (3, 0.3, 1.0) and (0.3, 1.0, 0.3) around it.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<double>> ConvergedFitStarts(IReadOnlyList<LossCurve> curves)
    {
        var s = FitSurrogate(curves).ToArray();

        // A and B are log-scaled in the law, so a surrogate value at its bound 0 (no decay in the data) becomes a small
        // positive start.
        s[1] = s[1] > 0.0 ? s[1] : 0.1;
        s[3] = s[3] > 0.0 ? s[3] : 100.0;
        return
        [
            [s[0], s[1], s[2], s[3], InitialC, InitialBeta, InitialGamma],
            [s[0], s[1], s[2], s[3], 3.0, 0.3, 1.0],
            [s[0], s[1], s[2], s[3], 0.3, 1.0, 0.3],
        ];
    }

    /// <summary>Stage 1: the four-parameter surrogate fitted from the reference grid.</summary>
    private static IReadOnlyList<double> FitSurrogate(IReadOnlyList<LossCurve> curves)
    {
        var min = curves.Min(c => c.LossArray.Min());
        var s1 = new List<double>();
        var drop = new List<double>();
        var loss = new List<double>();
        foreach (var curve in curves)
        {
            var areas = ScheduleAreas.Compute(curve.Schedule);
            var peak = curve.Schedule.PeakRate;
            for (var i = 0; i < curve.Count; i++)
            {
                var step = curve.StepArray[i];
                s1.Add(areas.ForwardArray[step]);
                drop.Add(peak - curve.Schedule.RateArray[step]);
                loss.Add(curve.LossArray[i]);
            }
        }

        // Least-squares line of log(loss − min + 0.01) on log S1 (scipy.stats.linregress).
        var logX = s1.Select(x => Math.Log(x)).ToArray();
        var logY = loss.Select(y => Math.Log(y - min + 0.01)).ToArray();
        var meanX = logX.Average();
        var meanY = logY.Average();
        double sxy = 0, sxx = 0;
        for (var i = 0; i < logX.Length; i++)
        {
            sxy += (logX[i] - meanX) * (logY[i] - meanY);
            sxx += (logX[i] - meanX) * (logX[i] - meanX);
        }

        var slope = sxy / sxx;
        var scale = Math.Exp(meanY - (slope * meanX));
        var grid = StartStrategy.Grid(new Dictionary<string, double[]>
        {
            ["L0"] = Spaced(min - 0.2, min + 0.2, 5),
            ["A"] = Spaced(scale - 0.1, scale + 0.1, 3),
            ["alpha"] = Spaced(-slope - 0.1, -slope + 0.1, 3),
            ["B"] = Spaced(100.0, 1000.0, 3),
        });
        var data = new Observations(["S1", "drop"], [s1.ToArray(), drop.ToArray()], loss.ToArray(), targetName: "loss");
        var fit = ScalingLawFitter.Fit(new SurrogateLaw(), data, LossCurveFitter.DefaultOptions with { Starts = grid });
        return fit.Parameters;
    }

    /// <summary>Evenly spaced values clipped at 0 (L-BFGS-B projects starts onto its bounds the same way).</summary>
    private static double[] Spaced(double from, double to, int count)
        => Enumerable.Range(0, count).Select(i => Math.Max(0.0, from + ((to - from) * i / (count - 1)))).ToArray();

    /// <summary>Stage 2: AdamW on the summed Huber objective, as in <c>mpl_adam_fit</c>.</summary>
    private static (double[] Parameters, int Steps, string Reason) RunAdamW(MultiPowerLaw law, Observations data, double[] start)
    {
        const int p = 7;
        var n = data.Count;
        var curve = data.ColumnArray(data.IndexOfColumn("curve"));
        var step = data.ColumnArray(data.IndexOfColumn("step"));
        var logLoss = data.TargetArray.Select(y => (double)MathF.Log((float)y)).ToArray();

        // Rows are dealt round-robin to one chunk per core (rows are sorted by curve and step, so the chunks cost about the
        // same) and evaluated in parallel; each row's value does not depend on the split.
        var chunkCount = Math.Max(1, Math.Min(Environment.ProcessorCount, n / 16));
        var rows = Enumerable.Range(0, chunkCount).Select(c => Enumerable.Range(0, n).Where(i => i % chunkCount == c).ToArray()).ToArray();
        var inputs = rows.Select(r => new LawInputs([r.Select(i => curve[i]).ToArray(), r.Select(i => step[i]).ToArray()])).ToArray();
        var chunkValues = rows.Select(r => new double[r.Length]).ToArray();
        var chunkJacobians = rows.Select(r => new double[r.Length * p]).ToArray();
        var values = new double[n];
        var jacobian = new double[n * p];
        double[] rates = [ScaleLearningRate, ScaleLearningRate, ExponentLearningRate, ScaleLearningRate, ScaleLearningRate, ExponentLearningRate, ExponentLearningRate];

        var parameters = (double[])start.Clone();
        var best = (double[])start.Clone();
        var firstMoment = new double[p];
        var secondMoment = new double[p];
        var gradient = new double[p];
        double minObjective = double.PositiveInfinity, bestObjective = double.PositiveInfinity;
        var stepsWithoutImprovement = 0;
        for (var iteration = 0; iteration < MaxSteps; iteration++)
        {
            var current = parameters;
            Parallel.For(0, chunkCount, c => law.Evaluate(current, inputs[c], chunkValues[c], chunkJacobians[c]));
            for (var c = 0; c < chunkCount; c++)
            {
                for (var r = 0; r < rows[c].Length; r++)
                {
                    values[rows[c][r]] = chunkValues[c][r];
                    Array.Copy(chunkJacobians[c], r * p, jacobian, rows[c][r] * p, p);
                }
            }

            var objective = 0.0;
            Array.Clear(gradient);
            for (var i = 0; i < n; i++)
            {
                var clamped = values[i] < 1e-10;
                var r = logLoss[i] - Math.Log(clamped ? 1e-10 : values[i]);
                var a = Math.Abs(r);
                objective += a < HuberDelta ? 0.5 * r * r : HuberDelta * (a - (0.5 * HuberDelta));
                if (clamped)
                {
                    continue;
                }

                var psi = a < HuberDelta ? r : HuberDelta * Math.Sign(r);
                for (var k = 0; k < p; k++)
                {
                    gradient[k] -= psi / values[i] * jacobian[(i * p) + k];
                }
            }

            if (!double.IsFinite(objective))
            {
                return (best, iteration, "the objective was not finite");
            }

            // torch.optim.AdamW.step: decoupled weight decay, then the bias-corrected Adam update.
            var t = iteration + 1;
            var correction1 = 1.0 - Math.Pow(Beta1, t);
            var correction2 = 1.0 - Math.Pow(Beta2, t);
            for (var k = 0; k < p; k++)
            {
                parameters[k] *= 1.0 - (rates[k] * WeightDecay);
                firstMoment[k] = (Beta1 * firstMoment[k]) + ((1.0 - Beta1) * gradient[k]);
                secondMoment[k] = (Beta2 * secondMoment[k]) + ((1.0 - Beta2) * gradient[k] * gradient[k]);
                var denominator = (Math.Sqrt(secondMoment[k]) / Math.Sqrt(correction2)) + Epsilon;
                parameters[k] -= rates[k] / correction1 * firstMoment[k] / denominator;
            }

            if (objective < minObjective)
            {
                minObjective = objective;
                stepsWithoutImprovement = 0;
            }
            else
            {
                stepsWithoutImprovement++;
            }

            if (iteration > Patience && stepsWithoutImprovement >= Patience)
            {
                return (best, iteration + 1, string.Create(CultureInfo.InvariantCulture, $"no improvement for {Patience} steps"));
            }

            var norm = Math.Sqrt(gradient.Sum(g => g * g));
            if (norm < GradientNormThreshold)
            {
                return (best, iteration + 1, "the gradient norm fell below 1e-5");
            }

            if (objective < bestObjective)
            {
                bestObjective = objective;
                parameters.AsSpan().CopyTo(best);
            }
        }

        return (best, MaxSteps, "the step limit of 200 was reached");
    }

    /// <summary>The stage-1 surrogate <c>L0 + A·S1^(−alpha) − B·drop</c>, every parameter ≥ 0.</summary>
    private sealed class SurrogateLaw : ScalingLaw
    {
        public SurrogateLaw()
            : base("mpl-surrogate", "L = L0 + A*S1^(-alpha) - B*(eta_peak - eta_t)",
                [
                    new LawParameter("L0", "loss floor", ParameterScale.Linear, 0.0, double.PositiveInfinity),
                    new LawParameter("A", "scale of the forward-area term", ParameterScale.Linear, 0.0, double.PositiveInfinity),
                    new LawParameter("alpha", "exponent of the forward-area term", ParameterScale.Linear, 0.0, double.PositiveInfinity),
                    new LawParameter("B", "loss drop per unit of rate decrease", ParameterScale.Linear, 0.0, double.PositiveInfinity),
                ],
                [
                    new LawInput("S1", "forward area"),
                    new LawInput("drop", "peak rate minus the current rate", InputDomain.Finite),
                ])
        {
        }

        public override void Evaluate(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> values, Span<double> jacobian)
        {
            var logS1 = inputs.LogColumn(0);
            var drop = inputs.Column(1);
            for (var i = 0; i < logS1.Length; i++)
            {
                var power = Math.Exp(-parameters[2] * logS1[i]);
                values[i] = parameters[0] + (parameters[1] * power) - (parameters[3] * drop[i]);
                if (!jacobian.IsEmpty)
                {
                    var row = jacobian.Slice(4 * i, 4);
                    row[0] = 1.0;
                    row[1] = power;
                    row[2] = -parameters[1] * power * logS1[i];
                    row[3] = -drop[i];
                }
            }
        }

        public override IReadOnlyList<double[]> GetDefaultStarts(LawInputs inputs, ReadOnlySpan<double> target) => [[0.0, 1.0, 0.5, 100.0]];
    }
}
