namespace ScalingLaws;

/// <summary>
/// How the fitter represents a parameter internally. Results always report the natural value.
/// </summary>
public enum ParameterScale
{
    /// <summary>The parameter is fitted as it is.</summary>
    Linear = 0,

    /// <summary>
    /// The parameter is strictly positive and is fitted as its natural logarithm (for example <c>a = log A</c>),
    /// which makes multiplicative scale parameters spanning many decades well conditioned.
    /// </summary>
    Log = 1,
}
