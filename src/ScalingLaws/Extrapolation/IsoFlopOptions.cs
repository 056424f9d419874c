namespace ScalingLaws;

/// <summary>Options for <see cref="IsoFlopAnalysis.Analyze"/>. Start from <see cref="Default"/> and change what you need with <c>with</c>.</summary>
public sealed record IsoFlopOptions
{
    /// <summary>Gets the default options.</summary>
    public static IsoFlopOptions Default { get; } = new();

    /// <summary>Gets k in <c>C = k·N·D</c>, used to derive D* = C/(k·N*).</summary>
    /// <value>The default value is 6.</value>
    public double FlopsPerParameterToken { get; init; } = ComputeOptimalAllocation.DefaultFlopsPerParameterToken;

    /// <summary>Gets a value indicating whether the regressions of N* and D* on C are weighted by <c>1/SE(log N*)²</c> from
    /// the parabola fits (budgets without a finite standard error are then left out, with a warning).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool WeightByPrecision { get; init; }

    /// <summary>Gets a value indicating whether budgets whose parabola vertex lies outside the sampled N are left out of the
    /// regressions (with a warning).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool ExcludeUnbracketedMinima { get; init; } = true;

    /// <summary>Gets the half-width, in decades of N, of the window around each budget's lowest observed loss that the parabola
    /// is fitted to (whole IsoFLOP curves are rarely parabolic far from their minimum); <see cref="double.PositiveInfinity"/>
    /// fits every run of the budget.</summary>
    /// <value>The default value is <see cref="double.PositiveInfinity"/> (all runs).</value>
    public double FitWindowDecades { get; init; } = double.PositiveInfinity;

    /// <summary>Gets a value indicating whether the loss frontier <c>L*(C) = E + A·C^(−alpha)</c> is fitted to the minima
    /// (it needs at least 4 budgets).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool FitLossFrontier { get; init; } = true;

    /// <summary>Gets the options of the loss-frontier fit.</summary>
    /// <value>The default value is <see cref="IsoFlopAnalysis.DefaultLossFrontierOptions"/>: Huber (δ = 1e-3) on log residuals.</value>
    public FitOptions LossFrontierOptions { get; init; } = IsoFlopAnalysis.DefaultLossFrontierOptions;

    /// <summary>Gets the confidence level of the regression intervals.</summary>
    /// <value>The default value is 0.95.</value>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Checks every option and throws for the first invalid one.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its range.</exception>
    /// <exception cref="ArgumentNullException"><see cref="LossFrontierOptions"/> is null.</exception>
    public void Validate()
    {
        const string name = "options";
        if (!(double.IsFinite(FlopsPerParameterToken) && FlopsPerParameterToken > 0.0))
        {
            throw new ArgumentOutOfRangeException(name, FlopsPerParameterToken, "IsoFlopOptions.FlopsPerParameterToken must be positive and finite.");
        }

        if (!(FitWindowDecades > 0.0))
        {
            throw new ArgumentOutOfRangeException(name, FitWindowDecades, "IsoFlopOptions.FitWindowDecades must be positive (use +∞ for all runs).");
        }

        if (!(ConfidenceLevel > 0.0 && ConfidenceLevel < 1.0))
        {
            throw new ArgumentOutOfRangeException(name, ConfidenceLevel, "IsoFlopOptions.ConfidenceLevel must lie strictly between 0 and 1.");
        }

        if (LossFrontierOptions is null)
        {
            throw new ArgumentNullException(name, "IsoFlopOptions.LossFrontierOptions must not be null.");
        }

        LossFrontierOptions.Validate();
    }
}
