namespace ScalingLaws;

/// <summary>How the solver and the multi-start search ended, in a <see cref="FitReport"/>.</summary>
public sealed record FitReportDiagnostics
{
    /// <summary>Gets how the best start ended.</summary>
    public required FitStatus Status { get; init; }

    /// <summary>Gets the solver iterations of the best start.</summary>
    public required int Iterations { get; init; }

    /// <summary>Gets the objective evaluations of the best start.</summary>
    public required int Evaluations { get; init; }

    /// <summary>Gets the largest scaled gradient component at the solution.</summary>
    public required double GradientNorm { get; init; }

    /// <summary>Gets the reason the solver stopped.</summary>
    public required string Message { get; init; }

    /// <summary>Gets the number of starts run.</summary>
    public required int StartsRun { get; init; }

    /// <summary>Gets the number of starts that converged.</summary>
    public required int StartsConverged { get; init; }

    /// <summary>Gets the number of starts that reached the best objective.</summary>
    public required int StartsAtBest { get; init; }

    /// <summary>Gets the index of the winning start.</summary>
    public required int BestStartIndex { get; init; }

    /// <summary>Gets the number of variable-projection grid points scanned.</summary>
    public required int GridPointsScanned { get; init; }
}
