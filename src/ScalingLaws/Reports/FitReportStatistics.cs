namespace ScalingLaws;

/// <summary>Goodness of fit in a <see cref="FitReport"/> (in the fit's residual space).</summary>
public sealed record FitReportStatistics
{
    /// <summary>Gets the minimised objective (RSS for least squares, the Huber sum for Huber).</summary>
    public required double Objective { get; init; }

    /// <summary>Gets the (weighted) residual sum of squares.</summary>
    public required double ResidualSumOfSquares { get; init; }

    /// <summary>Gets the degrees of freedom: observations minus free parameters.</summary>
    public required int DegreesOfFreedom { get; init; }

    /// <summary>Gets the coefficient of determination.</summary>
    public required double RSquared { get; init; }

    /// <summary>Gets the Gaussian log-likelihood (least-squares fits only).</summary>
    public double? LogLikelihood { get; init; }

    /// <summary>Gets Akaike's information criterion (least-squares fits only).</summary>
    public double? Aic { get; init; }

    /// <summary>Gets the Bayesian information criterion (least-squares fits only).</summary>
    public double? Bic { get; init; }

    /// <summary>Gets the condition number of the column-equilibrated <c>JᵀJ</c> at the solution.</summary>
    public required double ConditionNumber { get; init; }

    /// <summary>Gets why the covariance is unavailable, or <see langword="null"/> when it is available.</summary>
    public string? CovarianceUnavailableReason { get; init; }

    /// <summary>Gets the parameter correlation matrix in parameter order, or <see langword="null"/> when unavailable.</summary>
    public IReadOnlyList<IReadOnlyList<double>>? Correlation { get; init; }
}
