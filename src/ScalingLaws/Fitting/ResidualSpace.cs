namespace ScalingLaws;

/// <summary>Where residuals are measured.</summary>
public enum ResidualSpace
{
    /// <summary><c>r = y − f(x)</c>.</summary>
    Linear = 0,

    /// <summary><c>r = log y − log f(x)</c>: relative errors, the usual choice for losses and counts spanning decades.
    /// Needs positive targets; a prediction that is not positive makes the objective infinite (the step is rejected).</summary>
    Log = 1,
}
