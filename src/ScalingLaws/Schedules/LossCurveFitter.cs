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

    /// <summary>Fits the Multi-Power Law jointly to the curves, minimising the objective to convergence.</summary>
    /// <param name="curves">The curves; at least one, with distinct names.</param>
    /// <param name="options">Fit options; <see langword="null"/> for <see cref="DefaultOptions"/>.</param>
    /// <returns>The fit, whatever the solver's outcome (check <c>Result.Converged</c>).</returns>
    /// <exception cref="ArgumentException">The curves or an option are invalid.</exception>
    /// <remarks>
    /// <para>When <see cref="FitOptions.Starts"/> is the default strategy, the starts are the reference code's four-parameter
    /// surrogate fit (see <see cref="FitMultiPowerLawReferenceProtocol"/>) completed with three settings of (C, beta, gamma):
    /// (1, 0.5, 0.5), (3, 0.3, 1.0) and (0.3, 1.0, 0.3). This is much cheaper than the law's variable-projection grid
    /// (each evaluation of the Multi-Power Law costs O(n·K), see <see cref="MultiPowerLaw"/>); to run that grid instead, call
    /// <see cref="ScalingLawFitter.Fit(ScalingLaw, Observations, FitOptions?)"/> with a <see cref="MultiPowerLaw"/> and
    /// <see cref="MultiPowerLaw.CreateObservations"/>.</para>
    /// <para>On the published curves the converged optimum has a much lower objective than the published parameters
    /// (which come from an early-stopped optimiser) and extrapolates differently; see the sample <c>samples/LrSchedules</c>.</para>
    /// </remarks>
    public static LossCurveFit FitMultiPowerLaw(IReadOnlyList<LossCurve> curves, FitOptions? options = null)
    {
        LossCurve.CheckCurves(curves);
        options ??= DefaultOptions;
        options.Validate();
        if (options.Starts.Kind == StartKind.Default)
        {
            options = options with { Starts = StartStrategy.FromPoints(MultiPowerReferenceProtocol.ConvergedFitStarts(curves)) };
        }

        var law = new MultiPowerLaw(curves.Select(c => c.Schedule));
        var data = MultiPowerLaw.CreateObservations(curves);
        var result = ScalingLawFitter.Fit(law, data, options);
        return new LossCurveFit(result, LossCurvePredictor.ForMultiPowerLaw(result.Parameters), [.. curves]);
    }

    /// <summary>
    /// Fits the Multi-Power Law with the procedure of its reference code (Luo et al. 2025): a four-parameter surrogate
    /// fitted from a grid, then at most 200 early-stopped AdamW steps. It reproduces the published parameters from the
    /// published curves; <see cref="FitMultiPowerLaw"/> minimises the same objective to convergence instead.
    /// </summary>
    /// <param name="curves">The curves; at least one, with distinct names.</param>
    /// <returns>The fit. Its status is <see cref="FitStatus.MaxIterationsReached"/>: the procedure stops early by design,
    /// and <see cref="FitDiagnostics.Message"/> says why it stopped.</returns>
    /// <exception cref="ArgumentException">The curves are invalid.</exception>
    /// <remarks>
    /// <para>Stage 1: <c>L0 + A·S1^(−alpha) − B·(η_peak − η_t)</c>, Huber(1e-3) on log residuals, all parameters ≥ 0, from a
    /// 5×3×3×3 grid around a log-log regression. Stage 2: the Multi-Power Law from (L0, A, alpha, B, C = 1, beta = 0.5,
    /// gamma = 0.5), AdamW (betas 0.9/0.999, eps 1e-8, weight decay 0.01) with learning rate 5e-2 for L0, A, B, C and 5e-3
    /// for the exponents, stopping after 20 steps without improvement, a gradient norm below 1e-5 or 200 steps. Details of the
    /// reference code are kept: losses held in single precision, and the parameters kept are those after the step that
    /// started from the lowest objective.</para>
    /// <para>Source: github.com/thu-yao-01-luo/MultiPowerLaw (commit 8da9f19), <c>src/fitting.py</c>, <c>src/config.py</c>.</para>
    /// </remarks>
    public static LossCurveFit FitMultiPowerLawReferenceProtocol(IReadOnlyList<LossCurve> curves)
    {
        LossCurve.CheckCurves(curves);
        return MultiPowerReferenceProtocol.Fit(curves);
    }
}
