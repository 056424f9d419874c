namespace ScalingLaws;

/// <summary>How the parameter covariance of a fit is estimated.</summary>
public enum CovarianceMethod
{
    /// <summary><see cref="Classic"/> for least squares and <see cref="Sandwich"/> for robust losses.</summary>
    Auto = 0,

    /// <summary><c>s²·(JᵀWJ)⁻¹</c> with <c>s² = objective/dof</c> (least squares; scipy's <c>curve_fit</c> default).</summary>
    Classic = 1,

    /// <summary><c>(JᵀWJ)⁻¹</c>: the weights are known inverse variances and are not rescaled (<c>absolute_sigma=True</c>).</summary>
    AbsoluteSigma = 2,

    /// <summary>The robust sandwich <c>H⁻¹·(Σ ψ(r_i)²·J_iJ_iᵀ)·H⁻¹·n/(n−p)</c> with <c>H = Σ ψ'(r_i)·J_iJ_iᵀ</c>
    /// (Huber's M-estimator covariance); falls back to the IRLS curvature when H is singular.</summary>
    Sandwich = 3,
}
