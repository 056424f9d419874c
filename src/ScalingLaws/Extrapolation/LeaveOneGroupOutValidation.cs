using System.Globalization;
using System.Text;

namespace ScalingLaws;

/// <summary>
/// Leave-one-group-out validation: for every group of observations (for example a training run or a model size), the law
/// is fitted on the other groups and judged on that one. Built by <see cref="ExtrapolationValidation.LeaveOneGroupOut"/>.
/// </summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class LeaveOneGroupOutValidation
{
    private readonly string[] _groups;
    private readonly HoldoutValidation[] _folds;

    internal LeaveOneGroupOutValidation(string[] groups, HoldoutValidation[] folds)
    {
        _groups = groups;
        _folds = folds;
        var observed = folds.SelectMany(f => f.Observed).ToArray();
        var predictions = folds.SelectMany(f => f.Predictions).ToArray();
        Summary = PredictionErrorSummary.From(observed, predictions, folds.SelectMany(f => f.RelativeErrors).ToArray(),
            folds.SelectMany(f => f.LogErrors).ToArray());
    }

    /// <summary>Gets the group labels, in order of first appearance in the data.</summary>
    public IReadOnlyList<string> Groups => _groups;

    /// <summary>Gets one holdout validation per group (same order as <see cref="Groups"/>).</summary>
    public IReadOnlyList<HoldoutValidation> Folds => _folds;

    /// <summary>Gets the summary of the errors pooled over all folds.</summary>
    public PredictionErrorSummary Summary { get; }

    /// <summary>Returns one line per group and the pooled summary in the invariant culture.</summary>
    /// <returns>The summary.</returns>
    public override string ToString()
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(ci, $"leave-one-group-out validation of {(_folds.Length > 0 ? _folds[0].TrainingFit.Law.Name : "?")}: {_groups.Length} groups").AppendLine();
        for (var i = 0; i < _folds.Length; i++)
        {
            sb.Append(ci, $"  {_groups[i]}: {_folds[i].Summary}").AppendLine();
        }

        sb.Append(ci, $"  pooled: {Summary}");
        return sb.ToString();
    }
}
