namespace ScalingLaws;

/// <summary>The fitting options of a <see cref="FitReport"/>: everything <see cref="FitOptions"/> held, in text and numbers.</summary>
public sealed record FitReportSettings
{
    /// <summary>Gets the loss, in the form <see cref="LossFunction.Parse"/> reads (<c>least-squares</c> or <c>huber:δ</c>).</summary>
    public required string Loss { get; init; }

    /// <summary>Gets where residuals were measured.</summary>
    public required ResidualSpace ResidualSpace { get; init; }

    /// <summary>Gets a description of the start strategy (for example <c>grid of 4500 starts over E, A, alpha, B, beta</c>).</summary>
    public required string Starts { get; init; }

    /// <summary>Gets the iteration limit per start.</summary>
    public required int MaxIterations { get; init; }

    /// <summary>Gets the relative objective tolerance.</summary>
    public required double FunctionTolerance { get; init; }

    /// <summary>Gets the relative step tolerance.</summary>
    public required double ParameterTolerance { get; init; }

    /// <summary>Gets the scaled-gradient tolerance.</summary>
    public required double GradientTolerance { get; init; }

    /// <summary>Gets how the covariance was estimated.</summary>
    public required CovarianceMethod Covariance { get; init; }

    /// <summary>Gets the confidence level of the asymptotic intervals.</summary>
    public required double ConfidenceLevel { get; init; }

    /// <summary>Gets the parameters held fixed, by name (empty when all were free).</summary>
    public required IReadOnlyDictionary<string, double> FixedParameters { get; init; }
}
