using ScalingLaws;

namespace DocsSnippets;

/// <summary>The snippets of docs/fitting-guide.md. Each runs as a test; <see cref="SnippetSyncTests"/> checks that the
/// guide shows exactly the code between the begin-snippet and end-snippet markers.</summary>
public sealed class FittingGuideSnippets
{
    // Loss of eleven models (parameter count N, final loss) with a little noise and one diverged run (the 4.9).
    private static readonly double[] N = [1e7, 2e7, 5e7, 1e8, 2e8, 5e8, 1e9, 2e9, 5e9, 1e10, 2e10];
    private static readonly double[] Loss = [4.384, 3.950, 3.461, 3.204, 4.900, 2.735, 2.613, 2.487, 2.369, 2.305, 2.251];

    [Fact]
    public void ResidualSpaceAndRobustLoss()
    {
        var data = Observations.FromArrays("x", N, Loss);

        // begin-snippet: residual-space
        // Relative errors (log residuals) and a Huber loss: one diverged run does not drag the law.
        var robust = ScalingLawFitter.Fit(new SaturatingPowerLaw(), data,
            FitOptions.Default with { ResidualSpace = ResidualSpace.Log, Loss = LossFunction.Huber(1e-2) });
        var plain = ScalingLawFitter.Fit(new SaturatingPowerLaw(), data,
            FitOptions.Default with { ResidualSpace = ResidualSpace.Log });
        Console.WriteLine($"alpha: robust {robust["alpha"]:F3}, least squares {plain["alpha"]:F3}");
        // end-snippet

        robust.Converged.Should().BeTrue();
        Math.Abs(robust["alpha"] - 0.3).Should().BeLessThan(Math.Abs(plain["alpha"] - 0.3));
    }

    [Fact]
    public void MultiStart()
    {
        var data = Observations.FromArrays("x", N, Loss).Where(r => r.Index != 4, "the diverged run removed");

        // begin-snippet: multi-start
        // Default starts: the law's own starts plus a grid over the exponent with E and A solved exactly.
        var fit = ScalingLawFitter.Fit(new SaturatingPowerLaw(), data);
        Console.WriteLine(fit.MultiStart);   // how many starts ran, converged and reached the best objective

        // A grid of your own, run in parallel; the winner does not depend on the number of threads.
        var grid = StartStrategy.Grid(new Dictionary<string, double[]>
        {
            ["E"] = [0.5, 1.0, 2.0],
            ["A"] = [10.0, 100.0, 1000.0],
            ["alpha"] = [0.1, 0.3, 0.6, 1.0],
        });
        var gridFit = ScalingLawFitter.Fit(new SaturatingPowerLaw(), data, FitOptions.Default with { Starts = grid });
        // end-snippet

        gridFit.Objective.Should().BeApproximately(fit.Objective, 1e-9 * fit.Objective);
    }

    [Fact]
    public void DroppingPoints()
    {
        // begin-snippet: dropping-points
        var data = Observations.FromArrays("x", N, Loss)
            .DropLargestTargets(1)                       // the diverged run (ties at the cut are dropped together)
            .WhereInRange("x", 1.5e7, double.PositiveInfinity, inclusive: true);   // the smallest model is not yet in the power-law regime
        Console.WriteLine(data.Provenance);              // every filter is recorded
        // end-snippet

        data.Count.Should().Be(9);
    }

    [Fact]
    public void AsymptoticVersusBootstrap()
    {
        var data = Observations.FromArrays("x", N, Loss).Where(r => r.Index != 4, "the diverged run removed");
        var fit = ScalingLawFitter.Fit(new SaturatingPowerLaw(), data, FitOptions.Default with { ResidualSpace = ResidualSpace.Log });

        // begin-snippet: intervals
        var asymptotic = fit.ConfidenceIntervals[fit.Law.IndexOfParameter("alpha")];   // Student-t, from the covariance
        var boot = Bootstrap.Run(fit, new BootstrapOptions { Resamples = 1000, Seed = 1 });
        var percentile = boot.Interval("alpha", 0.95, BootstrapIntervalMethod.Percentile);
        var profile = ProfileLikelihood.Interval(fit, "alpha");
        Console.WriteLine($"alpha 95%: asymptotic {asymptotic}, bootstrap {percentile}, profile {profile.Interval}");
        // end-snippet

        percentile.Contains(fit["alpha"]).Should().BeTrue();
        asymptotic.Contains(fit["alpha"]).Should().BeTrue();
    }

    [Fact]
    public void ReplayingAPythonBootstrap()
    {
        var fit = ScalingLawFitter.Fit(new SaturatingPowerLaw(), Observations.FromArrays("x", N, Loss));

        // begin-snippet: numpy-replay
        // The resamples of: np.random.seed(42); [np.random.choice(n, size=n, replace=True) for _ in range(1000)]
        var draws = NumPyCompatibleDraws.CaseResamples(seed: 42, rows: fit.Data.Count, resamples: 1000);
        var replay = Bootstrap.Run(fit, new BootstrapOptions { ExplicitRows = draws });
        Console.WriteLine(replay);
        // end-snippet

        replay.TotalResamples.Should().Be(1000);
        replay.Samples.Should().HaveCount(replay.SuccessfulResamples);
    }

    [Fact]
    public void ValidatingByExtrapolation()
    {
        var data = Observations.FromArrays("x", N, Loss).Where(r => r.Index != 4, "the diverged run removed");

        // begin-snippet: holdout
        // Fit the models below 1e9 parameters, predict the larger ones, and read the errors.
        var holdout = ExtrapolationValidation.Holdout(new SaturatingPowerLaw(), data, "x", 1e9,
            FitOptions.Default with { ResidualSpace = ResidualSpace.Log });
        Console.WriteLine(holdout);
        // end-snippet

        holdout.Summary.MeanAbsoluteLogError.Should().BeLessThan(0.05);
    }
}
