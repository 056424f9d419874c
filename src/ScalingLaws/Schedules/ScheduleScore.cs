using System.Globalization;

namespace ScalingLaws;

/// <summary>A candidate schedule with its predicted final loss and its rank among the candidates
/// (<see cref="LossCurvePredictor.RankSchedules"/>).</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class ScheduleScore
{
    internal ScheduleScore(int rank, int candidateIndex, LearningRateSchedule schedule, double predictedFinalLoss)
    {
        Rank = rank;
        CandidateIndex = candidateIndex;
        Schedule = schedule;
        PredictedFinalLoss = predictedFinalLoss;
    }

    /// <summary>Gets the rank, 1 for the lowest predicted final loss.</summary>
    public int Rank { get; }

    /// <summary>Gets the position of the schedule in the list of candidates.</summary>
    public int CandidateIndex { get; }

    /// <summary>Gets the schedule.</summary>
    public LearningRateSchedule Schedule { get; }

    /// <summary>Gets the predicted loss at the schedule's last step.</summary>
    public double PredictedFinalLoss { get; }

    /// <summary>Returns the rank, name and predicted final loss in the invariant culture.</summary>
    /// <returns>For example <c>#1 wsd_20000_24000: 3.0123</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"#{Rank} {Schedule.Name}: final loss {PredictedFinalLoss:G6}");
}
