using System.Globalization;
using System.Text;

namespace ScalingLaws;

/// <summary>
/// A law fitted on training observations and judged on held-out ones: the predictions (with intervals), the errors per
/// held-out observation and their summary. Built by <see cref="ExtrapolationValidation"/>.
/// </summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class HoldoutValidation
{
    private readonly Prediction[] _predictions;
    private readonly double[] _observed;
    private readonly double[] _relativeErrors;
    private readonly double[] _logErrors;

    internal HoldoutValidation(string description, FitResult trainingFit, Observations heldOut, Prediction[] predictions)
    {
        Description = description;
        TrainingFit = trainingFit;
        HeldOut = heldOut;
        _predictions = predictions;
        _observed = heldOut.Target.ToArray();
        _relativeErrors = new double[_observed.Length];
        _logErrors = new double[_observed.Length];
        for (var i = 0; i < _observed.Length; i++)
        {
            var y = _observed[i];
            var f = predictions[i].Value;
            _relativeErrors[i] = y != 0.0 ? (f / y) - 1.0 : double.NaN;
            _logErrors[i] = y > 0.0 && f > 0.0 ? Math.Log(f) - Math.Log(y) : double.NaN;
        }

        Summary = PredictionErrorSummary.From(_observed, predictions, _relativeErrors, _logErrors);
    }

    /// <summary>Gets how the observations were split (for example <c>N &lt; 2e9</c>).</summary>
    public string Description { get; }

    /// <summary>Gets the fit on the training observations.</summary>
    public FitResult TrainingFit { get; }

    /// <summary>Gets the held-out observations.</summary>
    public Observations HeldOut { get; }

    /// <summary>Gets the prediction for every held-out observation (delta-method intervals at the fit's confidence level).</summary>
    public IReadOnlyList<Prediction> Predictions => _predictions;

    /// <summary>Gets the observed values of the held-out observations.</summary>
    public IReadOnlyList<double> Observed => _observed;

    /// <summary>Gets the relative errors <c>ŷ/y − 1</c>, in the order of <see cref="HeldOut"/>.</summary>
    public IReadOnlyList<double> RelativeErrors => _relativeErrors;

    /// <summary>Gets the log errors <c>log ŷ − log y</c> (NaN where a value is not positive).</summary>
    public IReadOnlyList<double> LogErrors => _logErrors;

    /// <summary>Gets the summary of the errors.</summary>
    public PredictionErrorSummary Summary { get; }

    /// <summary>Returns the split, the training fit's parameters and the error summary in the invariant culture.</summary>
    /// <returns>A short multi-line summary.</returns>
    public override string ToString()
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(ci, $"holdout validation of {TrainingFit.Law.Name}: trained on {TrainingFit.Data.Count} observations, {Description}").AppendLine();
        sb.Append("  fitted:");
        for (var k = 0; k < TrainingFit.Parameters.Count; k++)
        {
            sb.Append(ci, $" {TrainingFit.ParameterNames[k]} = {TrainingFit.Parameters[k]:G6}");
        }

        sb.AppendLine();
        sb.Append(ci, $"  {Summary}");
        return sb.ToString();
    }
}
