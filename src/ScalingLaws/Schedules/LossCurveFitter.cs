namespace ScalingLaws;

/// <summary>
/// Fits loss-curve laws jointly to several training curves: Tissue et al.'s annealing law (<see cref="AnnealingLaw"/>) and
/// Luo et al.'s Multi-Power Law (<see cref="MultiPowerLaw"/>). By default the objective is the sum of Huber(δ = 1e-3)
/// losses of the log residuals, as in both papers' reference code.
/// </summary>
/// <example><code>
/// var fit = LossCurveFitter.FitAnnealingLaw([cosine, constant, wsd]);
/// var best = fit.RankSchedules(candidates)[0];
/// Console.WriteLine($"{best.Schedule.Name}: {best.PredictedFinalLoss}");
/// </code></example>
public static class LossCurveFitter
{
    /// <summary>The default Huber threshold δ on log residuals.</summary>
    public const double DefaultHuberDelta = 1e-3;

    /// <summary>Gets the default fit options for loss curves: Huber(1e-3) on log residuals, default starts.</summary>
    public static FitOptions DefaultOptions { get; } = FitOptions.Default with
    {
        Loss = LossFunction.Huber(DefaultHuberDelta),
        ResidualSpace = ResidualSpace.Log,
    };

    /// <summary>Fits <c>L = L0 + A·S1^(−alpha) − C·S2</c> jointly to the curves.</summary>
    /// <param name="curves">The curves; at least one, with distinct names.</param>
    /// <param name="options">Fit options; <see langword="null"/> for <see cref="DefaultOptions"/>.</param>
    /// <param name="areaOptions">How S1 and S2 are computed; <see langword="null"/> for <see cref="AnnealingAreaOptions.Default"/>.</param>
    /// <returns>The fit, whatever the solver's outcome (check <c>Result.Converged</c>).</returns>
    /// <exception cref="ArgumentException">The curves are invalid (for example a logged step with S1 = 0) or an option is.</exception>
    public static LossCurveFit FitAnnealingLaw(IReadOnlyList<LossCurve> curves, FitOptions? options = null, AnnealingAreaOptions? areaOptions = null)
    {
        LossCurve.CheckCurves(curves);
        areaOptions ??= AnnealingAreaOptions.Default;
        var data = LossCurve.ToObservations(curves, areaOptions);
        var result = ScalingLawFitter.Fit(new AnnealingLaw(), data, options ?? DefaultOptions);
        return new LossCurveFit(result, LossCurvePredictor.ForAnnealingLaw(result.Parameters, areaOptions), [.. curves]);
    }

    /// <summary>Fits the Multi-Power Law jointly to the curves.</summary>
    /// <param name="curves">The curves; at least one, with distinct names.</param>
    /// <param name="options">Fit options; <see langword="null"/> for <see cref="DefaultOptions"/>.</param>
    /// <returns>The fit, whatever the solver's outcome (check <c>Result.Converged</c>).</returns>
    /// <exception cref="ArgumentException">The curves or an option are invalid.</exception>
    public static LossCurveFit FitMultiPowerLaw(IReadOnlyList<LossCurve> curves, FitOptions? options = null)
    {
        LossCurve.CheckCurves(curves);
        var law = new MultiPowerLaw(curves.Select(c => c.Schedule));
        var data = MultiPowerLaw.CreateObservations(curves);
        var result = ScalingLawFitter.Fit(law, data, options ?? DefaultOptions);
        return new LossCurveFit(result, LossCurvePredictor.ForMultiPowerLaw(result.Parameters), [.. curves]);
    }
}
