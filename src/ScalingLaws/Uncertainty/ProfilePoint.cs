namespace ScalingLaws;

/// <summary>One point of a profile: the profiled parameter held at <paramref name="Value"/> and the others refitted.</summary>
/// <param name="Value">The natural value of the profiled parameter.</param>
/// <param name="Objective">The minimised objective with the parameter held there (RSS for least squares, Huber sum for Huber).</param>
/// <param name="Converged">Whether the refit converged.</param>
public readonly record struct ProfilePoint(double Value, double Objective, bool Converged);
