namespace ScalingLaws;

/// <summary>Where the intervals of an extrapolated quantity come from.</summary>
public enum IntervalSource
{
    /// <summary>No interval could be computed (for example the fit has no covariance); interval ends are NaN.</summary>
    None = 0,

    /// <summary>The delta method on the fit's parameter covariance (<see cref="FitResult.Covariance"/>) with a Student-t
    /// quantile on the fit's degrees of freedom.</summary>
    DeltaMethod = 1,

    /// <summary>Percentiles of the quantity over parameter draws (for example bootstrap samples).</summary>
    ParameterDraws = 2,
}
