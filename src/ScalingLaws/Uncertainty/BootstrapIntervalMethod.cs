namespace ScalingLaws;

/// <summary>How a bootstrap interval is read off the bootstrap distribution.</summary>
/// <remarks>References: B. Efron, R. Tibshirani, "An Introduction to the Bootstrap" (1993), ch. 13–14;
/// A. C. Davison, D. V. Hinkley, "Bootstrap Methods and their Application" (1997), §5.2–5.3.</remarks>
public enum BootstrapIntervalMethod
{
    /// <summary>The <c>(1 − level)/2</c> and <c>(1 + level)/2</c> quantiles of the bootstrap distribution (linear
    /// interpolation between order statistics, numpy's default).</summary>
    Percentile = 0,

    /// <summary>The basic (reverse percentile) interval <c>[2θ̂ − q_upper, 2θ̂ − q_lower]</c>.</summary>
    Basic = 1,

    /// <summary>Bias-corrected and accelerated percentile interval: the quantile levels are shifted by the bias correction
    /// <c>z0 = Φ⁻¹(#{θ* &lt; θ̂}/B)</c> and the acceleration estimated by the jackknife.</summary>
    BCa = 2,
}
