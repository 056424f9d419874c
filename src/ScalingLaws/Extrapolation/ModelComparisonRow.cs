using System.Globalization;

namespace ScalingLaws;

/// <summary>One row of a <see cref="ModelComparisonTable"/>: a fitted law's size, goodness of fit and information criteria.</summary>
/// <param name="Label">The label of the fit (the law's name unless given).</param>
/// <param name="LawName">The law's short name.</param>
/// <param name="FreeParameterCount">The number of free (not fixed) parameters.</param>
/// <param name="ObservationCount">The number of observations fitted.</param>
/// <param name="Objective">The minimised objective.</param>
/// <param name="ResidualSumOfSquares">The residual sum of squares in the fit's residual space.</param>
/// <param name="LogLikelihood">The Gaussian log-likelihood (NaN for robust fits).</param>
/// <param name="Aic">Akaike's criterion <c>2k − 2·logL</c>, k = free parameters + 1 (NaN for robust fits).</param>
/// <param name="Aicc">The small-sample AIC, <c>AIC + 2k(k+1)/(n − k − 1)</c> (NaN when n ≤ k + 1 or for robust fits).</param>
/// <param name="Bic">The Bayesian criterion <c>k·ln n − 2·logL</c> (NaN for robust fits).</param>
/// <param name="AicDifference">AIC minus the smallest AIC in the table (0 for the best).</param>
/// <param name="BicDifference">BIC minus the smallest BIC in the table.</param>
/// <param name="AkaikeWeight">The Akaike weight <c>exp(−ΔAIC/2)/Σ exp(−ΔAIC_j/2)</c>.</param>
public readonly record struct ModelComparisonRow(string Label, string LawName, int FreeParameterCount, int ObservationCount, double Objective,
    double ResidualSumOfSquares, double LogLikelihood, double Aic, double Aicc, double Bic, double AicDifference, double BicDifference,
    double AkaikeWeight)
{
    /// <summary>Returns the row in the invariant culture.</summary>
    /// <returns>The label, parameter count, AIC, ΔAIC, BIC, ΔBIC and Akaike weight.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Label}: k = {FreeParameterCount}, n = {ObservationCount}, RSS {ResidualSumOfSquares:G6}, AIC {Aic:F3} (Δ {AicDifference:F3}), AICc {Aicc:F3}, BIC {Bic:F3} (Δ {BicDifference:F3}), weight {AkaikeWeight:F4}");
}
