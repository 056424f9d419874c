using System.Globalization;

namespace ScalingLaws;

/// <summary>
/// A loss-curve law fitted jointly to one or more training curves (<see cref="LossCurveFitter"/>): the fit itself and a
/// <see cref="LossCurvePredictor"/> with the fitted parameters, to predict curves for new schedules and rank them.
/// </summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class LossCurveFit
{
    private readonly LossCurve[] _curves;

    internal LossCurveFit(FitResult result, LossCurvePredictor predictor, LossCurve[] curves)
    {
        Result = result;
        Predictor = predictor;
        _curves = curves;
    }

    /// <summary>Gets the fit: parameters, standard errors, objective, diagnostics and warnings.</summary>
    public FitResult Result { get; }

    /// <summary>Gets the predictor with the fitted parameters.</summary>
    public LossCurvePredictor Predictor { get; }

    /// <summary>Gets the law that was fitted.</summary>
    public LossCurveLawKind Kind => Predictor.Kind;

    /// <summary>Gets the curves the law was fitted to, in order.</summary>
    public IReadOnlyList<LossCurve> Curves => Array.AsReadOnly(_curves);

    /// <summary>Gets a fitted parameter by name.</summary>
    /// <param name="parameterName">The parameter's name, for example <c>alpha</c>.</param>
    /// <returns>Its natural value.</returns>
    /// <exception cref="ArgumentException">The law has no such parameter.</exception>
    public double this[string parameterName] => Result[parameterName];

    /// <summary>Predicts the loss at the given steps of a run with the given schedule (see <see cref="LossCurvePredictor.Predict"/>).</summary>
    /// <param name="schedule">The schedule.</param>
    /// <param name="steps">Steps inside the schedule.</param>
    /// <returns>One prediction per step.</returns>
    public double[] Predict(LearningRateSchedule schedule, IReadOnlyList<int> steps) => Predictor.Predict(schedule, steps);

    /// <summary>Predicts the loss at every step of a run with the given schedule (see <see cref="LossCurvePredictor.PredictCurve"/>).</summary>
    /// <param name="schedule">The schedule.</param>
    /// <returns>The prediction for steps 0 … T − 1.</returns>
    public double[] PredictCurve(LearningRateSchedule schedule) => Predictor.PredictCurve(schedule);

    /// <summary>Predicts the loss at the last step of a run with the given schedule.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <returns>The predicted final loss.</returns>
    public double PredictFinalLoss(LearningRateSchedule schedule) => Predictor.PredictFinalLoss(schedule);

    /// <summary>Ranks candidate schedules by predicted final loss, lowest first (see <see cref="LossCurvePredictor.RankSchedules"/>).</summary>
    /// <param name="candidates">The schedules.</param>
    /// <returns>The ranked candidates, best first.</returns>
    public IReadOnlyList<ScheduleScore> RankSchedules(IEnumerable<LearningRateSchedule> candidates) => Predictor.RankSchedules(candidates);

    /// <summary>Scores the predictions for a curve against its logged losses.</summary>
    /// <param name="curve">The curve (fitted or held out).</param>
    /// <returns>The metrics.</returns>
    public LossCurveMetrics Evaluate(LossCurve curve) => Predictor.Evaluate(curve);

    /// <summary>Scores several curves.</summary>
    /// <param name="curves">The curves.</param>
    /// <returns>One set of metrics per curve.</returns>
    public IReadOnlyList<LossCurveMetrics> Evaluate(IEnumerable<LossCurve> curves) => Predictor.Evaluate(curves);

    /// <summary>Returns the fitted curves and the fit summary in the invariant culture.</summary>
    /// <returns>A multi-line summary.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Kind} fitted to {string.Join(", ", _curves.Select(c => c.Name))}{Environment.NewLine}{Result}");
}
