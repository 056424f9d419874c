using System.Globalization;

namespace ScalingLaws;

/// <summary>
/// A loss-curve law with fixed parameters (fitted, or published): predicts the loss along a run under any learning-rate
/// schedule, ranks candidate schedules by their predicted final loss, and scores predictions against logged curves.
/// </summary>
/// <remarks>
/// <para>For <see cref="LossCurveLawKind.AnnealingLaw"/> a prediction at any set of steps costs O(T) (one pass for the
/// areas). For <see cref="LossCurveLawKind.MultiPowerLaw"/> it costs O(T + n·K) for n steps and K change points of the
/// schedule (see <see cref="MultiPowerLaw"/>), so a whole curve of a continuously decaying schedule costs O(T²): prefer
/// <see cref="Predict"/> at the steps you need for long runs. Large requests are spread over the cores; the values do not
/// depend on the number of threads.</para>
/// <para>At a step whose forward area <c>S1</c> is 0 (step 0 of a warmup starting from rate 0) both laws predict +∞.</para>
/// </remarks>
/// <example><code>
/// var published = LossCurvePredictor.ForMultiPowerLaw([2.6514477, 0.60115152, 0.45295811, 437.9464276, 2.13245612, 0.59785199, 0.65523644]);
/// double final = published.PredictFinalLoss(LearningRateSchedule.Cosine(24_000, 3e-4, 3e-5, Warmup.Linear(2160)));
/// </code></example>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class LossCurvePredictor
{
    private const int ParallelChunk = 64;
    private static readonly AnnealingLaw Annealing = new();

    private readonly double[] _parameters;
    private readonly string[] _parameterNames;

    private LossCurvePredictor(LossCurveLawKind kind, double[] parameters, string[] parameterNames, AnnealingAreaOptions areaOptions)
    {
        Kind = kind;
        _parameters = parameters;
        _parameterNames = parameterNames;
        AreaOptions = areaOptions;
    }

    /// <summary>Gets the law.</summary>
    public LossCurveLawKind Kind { get; }

    /// <summary>Gets the parameter names, in the law's order.</summary>
    public IReadOnlyList<string> ParameterNames => Array.AsReadOnly(_parameterNames);

    /// <summary>Gets the natural parameter values, in the law's order.</summary>
    public IReadOnlyList<double> Parameters => Array.AsReadOnly(_parameters);

    /// <summary>Gets how the areas S1 and S2 are computed (annealing law only; ignored by the Multi-Power Law, which
    /// always sums every step from 0).</summary>
    public AnnealingAreaOptions AreaOptions { get; }

    /// <summary>Gets a parameter by name.</summary>
    /// <param name="parameterName">The parameter's name, for example <c>alpha</c>.</param>
    /// <returns>Its value.</returns>
    /// <exception cref="ArgumentException">The law has no such parameter.</exception>
    public double this[string parameterName]
    {
        get
        {
            var index = Array.IndexOf(_parameterNames, parameterName);
            if (index < 0)
            {
                throw new ArgumentException(
                    $"The {Kind} has no parameter '{parameterName}'; its parameters are {string.Join(", ", _parameterNames)}.", nameof(parameterName));
            }

            return _parameters[index];
        }
    }

    /// <summary>Creates a predictor for Tissue et al.'s annealing law.</summary>
    /// <param name="parameters">L0, A, alpha, C (natural values, finite).</param>
    /// <param name="areaOptions">How S1 and S2 are computed; <see langword="null"/> for <see cref="AnnealingAreaOptions.Default"/>.</param>
    /// <returns>The predictor.</returns>
    /// <exception cref="ArgumentException">There are not 4 parameters or one is not finite.</exception>
    public static LossCurvePredictor ForAnnealingLaw(IReadOnlyList<double> parameters, AnnealingAreaOptions? areaOptions = null)
    {
        areaOptions ??= AnnealingAreaOptions.Default;
        areaOptions.Validate();
        return new LossCurvePredictor(LossCurveLawKind.AnnealingLaw, CheckParameters(parameters, Annealing), [.. Annealing.ParameterNames], areaOptions);
    }

    /// <summary>Creates a predictor for the Multi-Power Law.</summary>
    /// <param name="parameters">L0, A, alpha, B, C, beta, gamma (natural values, finite).</param>
    /// <returns>The predictor.</returns>
    /// <exception cref="ArgumentException">There are not 7 parameters or one is not finite.</exception>
    public static LossCurvePredictor ForMultiPowerLaw(IReadOnlyList<double> parameters)
    {
        var law = new MultiPowerLaw([LearningRateSchedule.Constant(1, 1.0)]);
        return new LossCurvePredictor(LossCurveLawKind.MultiPowerLaw, CheckParameters(parameters, law), [.. law.ParameterNames],
            AnnealingAreaOptions.Default);
    }

    /// <summary>Predicts the loss at the given steps of a run with the given schedule.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <param name="steps">Steps, each in 0 … <c>schedule.StepCount − 1</c>, in any order.</param>
    /// <returns>One prediction per step.</returns>
    /// <exception cref="ArgumentException">A step is outside the schedule.</exception>
    public double[] Predict(LearningRateSchedule schedule, IReadOnlyList<int> steps)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(steps);
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i] < 0 || steps[i] >= schedule.StepCount)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"steps[{i}] = {steps[i]} is outside the steps 0 … {schedule.StepCount - 1} of schedule '{schedule.Name}'."), nameof(steps));
            }
        }

        return Kind == LossCurveLawKind.AnnealingLaw ? PredictAnnealing(schedule, steps) : PredictMultiPower(schedule, steps);
    }

    /// <summary>Predicts the loss at every step of a run with the given schedule.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <returns>The prediction for steps 0 … T − 1 (index = step).</returns>
    public double[] PredictCurve(LearningRateSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return Predict(schedule, Enumerable.Range(0, schedule.StepCount).ToArray());
    }

    /// <summary>Predicts the loss at the last step of a run with the given schedule.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <returns>The predicted final loss.</returns>
    public double PredictFinalLoss(LearningRateSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return Predict(schedule, [schedule.StepCount - 1])[0];
    }

    /// <summary>Ranks candidate schedules by their predicted final loss, lowest first (ties keep the candidates' order).</summary>
    /// <param name="candidates">The schedules; at least one.</param>
    /// <returns>The candidates with their predicted final loss and rank, best first.</returns>
    /// <exception cref="ArgumentException">There are no candidates or one is null.</exception>
    public IReadOnlyList<ScheduleScore> RankSchedules(IEnumerable<LearningRateSchedule> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var list = candidates.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("At least one candidate schedule is required.", nameof(candidates));
        }

        var missing = Array.FindIndex(list, s => s is null);
        if (missing >= 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"candidates[{missing}] is null."), nameof(candidates));
        }

        var finals = list.Select(PredictFinalLoss).ToArray();
        var order = Enumerable.Range(0, list.Length)
            .OrderBy(i => double.IsNaN(finals[i]) ? double.PositiveInfinity : finals[i])
            .ThenBy(i => i)
            .ToArray();
        return order.Select((index, rank) => new ScheduleScore(rank + 1, index, list[index], finals[index])).ToArray();
    }

    /// <summary>Scores the predictions at a curve's logged steps against its logged losses.</summary>
    /// <param name="curve">The curve.</param>
    /// <returns>The curve's metrics.</returns>
    public LossCurveMetrics Evaluate(LossCurve curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        return LossCurveMetrics.Compute(curve.Name, curve.LossArray, Predict(curve.Schedule, curve.StepArray));
    }

    /// <summary>Scores several curves; average them with <see cref="LossCurveMetrics.Average"/>.</summary>
    /// <param name="curves">The curves.</param>
    /// <returns>One set of metrics per curve, in order.</returns>
    public IReadOnlyList<LossCurveMetrics> Evaluate(IEnumerable<LossCurve> curves)
    {
        ArgumentNullException.ThrowIfNull(curves);
        return curves.Select(Evaluate).ToArray();
    }

    /// <summary>Returns the law and its parameters in the invariant culture.</summary>
    /// <returns>For example <c>MultiPowerLaw: L0 = 2.65145, A = 0.601152, ...</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Kind}: {string.Join(", ", _parameterNames.Select((name, k) => string.Create(CultureInfo.InvariantCulture, $"{name} = {_parameters[k]:G6}")))}");

    private static double[] CheckParameters(IReadOnlyList<double> parameters, ScalingLaw law)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Count != law.ParameterCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Law '{law.Name}' has {law.ParameterCount} parameters ({string.Join(", ", law.ParameterNames)}) but {parameters.Count} values were given."),
                nameof(parameters));
        }

        for (var k = 0; k < parameters.Count; k++)
        {
            if (!double.IsFinite(parameters[k]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"parameters[{k}] ({law.ParameterNames[k]}) = {parameters[k]} is not finite."), nameof(parameters));
            }
        }

        return [.. parameters];
    }

    private double[] PredictAnnealing(LearningRateSchedule schedule, IReadOnlyList<int> steps)
    {
        var areas = ScheduleAreas.Compute(schedule, AreaOptions);
        var result = new double[steps.Count];
        var rows = new List<int>(steps.Count);
        for (var i = 0; i < steps.Count; i++)
        {
            if (areas.ForwardArray[steps[i]] > 0.0)
            {
                rows.Add(i);
            }
            else
            {
                result[i] = double.PositiveInfinity;
            }
        }

        if (rows.Count > 0)
        {
            var s1 = rows.Select(i => areas.ForwardArray[steps[i]]).ToArray();
            var s2 = rows.Select(i => areas.AnnealingArray[steps[i]]).ToArray();
            var values = new double[rows.Count];
            Annealing.Evaluate(_parameters, new LawInputs([s1, s2]), values, []);
            for (var r = 0; r < rows.Count; r++)
            {
                result[rows[r]] = values[r];
            }
        }

        return result;
    }

    private double[] PredictMultiPower(LearningRateSchedule schedule, IReadOnlyList<int> steps)
    {
        var law = new MultiPowerLaw([schedule]);
        var result = new double[steps.Count];
        var chunks = (steps.Count + ParallelChunk - 1) / ParallelChunk;
        Parallel.For(0, chunks, chunk =>
        {
            var start = chunk * ParallelChunk;
            var count = Math.Min(ParallelChunk, steps.Count - start);
            var curve = new double[count];
            var step = new double[count];
            for (var r = 0; r < count; r++)
            {
                step[r] = steps[start + r];
            }

            law.Evaluate(_parameters, new LawInputs([curve, step]), result.AsSpan(start, count), []);
        });
        return result;
    }
}
