using System.Globalization;

namespace ScalingLaws;

/// <summary>What the multi-start search did.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class MultiStartSummary
{
    internal MultiStartSummary(int startsRun, int startsConverged, int startsAtBest, int bestStartIndex, int gridPointsScanned, string strategy)
    {
        StartsRun = startsRun;
        StartsConverged = startsConverged;
        StartsAtBest = startsAtBest;
        BestStartIndex = bestStartIndex;
        GridPointsScanned = gridPointsScanned;
        Strategy = strategy;
    }

    /// <summary>Gets the number of starts the solver ran.</summary>
    public int StartsRun { get; }

    /// <summary>Gets the number of starts that converged.</summary>
    public int StartsConverged { get; }

    /// <summary>Gets the number of starts whose objective is within <see cref="FitOptions.SameOptimumTolerance"/> of the best.</summary>
    public int StartsAtBest { get; }

    /// <summary>Gets the index of the winning start (ties go to the lowest index).</summary>
    public int BestStartIndex { get; }

    /// <summary>Gets the number of variable-projection grid points scanned to choose starts (0 when no scan ran).</summary>
    public int GridPointsScanned { get; }

    /// <summary>Gets a description of the start strategy.</summary>
    public string Strategy { get; }

    /// <summary>Returns the counts.</summary>
    /// <returns>A one-line summary.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{StartsRun} starts ({Strategy}{(GridPointsScanned > 0 ? $", {GridPointsScanned} grid points scanned" : string.Empty)}), {StartsConverged} converged, {StartsAtBest} reached the best objective (start {BestStartIndex} won)");
}
