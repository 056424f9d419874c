using System.Globalization;
using ScalingLaws.Internal;

namespace ScalingLaws;

/// <summary>
/// Delta-method standard errors and intervals for any scalar derived from a fit's parameters, for example the compute-optimal
/// exponent <c>a = β/(α + β)</c> of a Chinchilla fit or the predicted loss at a given N and D.
/// </summary>
/// <remarks>
/// <para>Formula: <c>Var g(θ̂) ≈ ∇g(θ̂)ᵀ·Σ·∇g(θ̂)</c> with Σ = <see cref="FitResult.Covariance"/> (whichever
/// <see cref="CovarianceMethod"/> the fit used), and the interval <c>g(θ̂) ± t(dof, (1 + level)/2)·SE</c>, the same Student-t
/// quantile as the fit's own parameter intervals.</para>
/// <para>Without a supplied gradient, each component is a central difference with Richardson extrapolation,
/// <c>D = (4·D(h/2) − D(h))/3</c> with <c>D(h) = (g(θ + h·e_k) − g(θ − h·e_k))/(2h)</c> and <c>h = 10⁻³·min(|θ_k|, SE_k)</c>
/// (whichever is positive when one is not): truncation error O(h⁴), far below any standard error's own uncertainty; a
/// one-sided difference where one side is not finite. Fixed parameters get a zero gradient.</para>
/// <para>The delta method is first order: for strongly nonlinear quantities or wide intervals prefer the bootstrap
/// (<see cref="BootstrapResult.DerivedInterval"/>). Numerical outcomes (no covariance, a quantity that is not finite near the
/// estimate) do not throw; they come back as NaN with <see cref="DerivedQuantityEstimate.UnavailableReason"/>.</para>
/// <para>Reference: G. A. F. Seber, C. J. Wild, "Nonlinear Regression" (1989), §5.1.</para>
/// </remarks>
/// <example><code>
/// var a = DeltaMethod.Estimate(fit, p => p[4] / (p[2] + p[4]));   // Chinchilla: beta / (alpha + beta)
/// Console.WriteLine(a);   // 0.5138 ± 0.0157 [0.483, 0.545] (95%)
/// </code></example>
public static class DeltaMethod
{
    /// <summary>Estimates a derived quantity with a numerical gradient.</summary>
    /// <param name="fit">The fit.</param>
    /// <param name="quantity">Maps natural parameters (in the order of <see cref="FitResult.ParameterNames"/>) to a scalar.</param>
    /// <param name="level">The confidence level in (0, 1); <see langword="null"/> for the fit's <see cref="FitOptions.ConfidenceLevel"/>.</param>
    /// <returns>The value, standard error and interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fit"/> or <paramref name="quantity"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not in (0, 1).</exception>
    public static DerivedQuantityEstimate Estimate(FitResult fit, Func<IReadOnlyList<double>, double> quantity, double? level = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(quantity);
        var gradient = NumericalGradient(fit, quantity);
        return Build(fit, quantity(fit.Parameters), gradient, CheckLevel(level, fit));
    }

    /// <summary>Estimates a derived quantity with a gradient supplied by the caller.</summary>
    /// <param name="fit">The fit.</param>
    /// <param name="quantity">Maps natural parameters to a scalar.</param>
    /// <param name="gradient">Maps natural parameters to the gradient of <paramref name="quantity"/> with respect to them,
    /// one entry per parameter.</param>
    /// <param name="level">The confidence level in (0, 1); <see langword="null"/> for the fit's <see cref="FitOptions.ConfidenceLevel"/>.</param>
    /// <returns>The value, standard error and interval.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="gradient"/> returns the wrong number of entries.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not in (0, 1).</exception>
    public static DerivedQuantityEstimate Estimate(FitResult fit, Func<IReadOnlyList<double>, double> quantity,
        Func<IReadOnlyList<double>, IReadOnlyList<double>> gradient, double? level = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(quantity);
        ArgumentNullException.ThrowIfNull(gradient);
        var g = gradient(fit.Parameters)?.ToArray() ?? throw new ArgumentException("The gradient function returned null.", nameof(gradient));
        if (g.Length != fit.Parameters.Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The gradient has {g.Length} entries but the law has {fit.Parameters.Count} parameters ({string.Join(", ", fit.ParameterNames)})."), nameof(gradient));
        }

        for (var k = 0; k < g.Length; k++)
        {
            if (fit.IsFixed[k])
            {
                g[k] = 0.0;
            }
        }

        return Build(fit, quantity(fit.Parameters), g, CheckLevel(level, fit));
    }

    private static double CheckLevel(double? level, FitResult fit)
    {
        var value = level ?? fit.Options.ConfidenceLevel;
        if (!(value > 0.0 && value < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(level), value, "The confidence level must lie strictly between 0 and 1.");
        }

        return value;
    }

    private static double[] NumericalGradient(FitResult fit, Func<IReadOnlyList<double>, double> quantity)
    {
        // Fixed parameters have a zero standard error, which gives them a zero gradient component.
        var standardErrors = fit.StandardErrors.Select((se, k) => fit.IsFixed[k] ? 0.0 : se).ToArray();
        return DerivedQuantityMath.Gradient(quantity, fit.Parameters, standardErrors);
    }

    private static DerivedQuantityEstimate Build(FitResult fit, double value, double[] gradient, double level)
    {
        var dof = fit.DegreesOfFreedom;
        string? reason = null;
        if (!double.IsFinite(value))
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"the quantity is not finite at the estimate ({value})");
        }
        else if (fit.Covariance is null)
        {
            reason = $"the fit has no covariance ({fit.CovarianceUnavailableReason})";
        }
        else if (!gradient.All(double.IsFinite))
        {
            reason = "the gradient of the quantity is not finite near the estimate";
        }

        if (reason is not null)
        {
            return new DerivedQuantityEstimate(value, double.NaN, new ParameterInterval(double.NaN, double.NaN, level), gradient, dof, reason);
        }

        var se = Math.Sqrt(Math.Max(0.0, DerivedQuantityMath.QuadraticForm(gradient, fit.Covariance!)));
        var t = DerivedQuantityMath.TQuantile(level, dof);
        var half = t * se;
        return new DerivedQuantityEstimate(value, se, new ParameterInterval(value - half, value + half, level), gradient, dof, null);
    }
}
