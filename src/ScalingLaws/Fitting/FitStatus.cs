namespace ScalingLaws;

/// <summary>How a fit ended.</summary>
public enum FitStatus
{
    /// <summary>A convergence test was met (objective, step or gradient tolerance).</summary>
    Converged = 0,

    /// <summary>The iteration limit was reached before convergence.</summary>
    MaxIterationsReached = 1,

    /// <summary>No step could reduce the objective although no convergence test was met (damping exhausted).</summary>
    Stalled = 2,

    /// <summary>The objective was not finite at every starting point (for example a log of a non-positive prediction).</summary>
    NonFinite = 3,
}
