using System.Collections.Concurrent;
using ScalingLaws.Tests.Core;

namespace ScalingLaws.Tests.Uncertainty;

public class BootstrapTests
{
    private static FitResult SaturatingFit(int count = 40, int seed = 7)
        => ScalingLawFitter.Fit(new SaturatingPowerLaw(), UncertaintyData.Saturating(count, 0.05, seed));

    private static FitResult GroupedFit()
    {
        // Ten "runs" of four checkpoints each; a run shares one random offset (correlated rows within a group).
        var x = UncertaintyData.LogSpace(40);
        var offsets = UncertaintyData.Normal(10, 3);
        var noise = UncertaintyData.Normal(40, 4);
        var y = x.Select((v, i) => 1.0 + (10.0 * Math.Pow(v, -0.5)) + (0.03 * offsets[i % 10]) + (0.02 * noise[i])).ToArray();
        var groups = Enumerable.Range(0, 40).Select(i => $"run{i % 10}").ToArray();
        var data = Observations.FromArrays("x", x, y).WithGroups(groups);
        return ScalingLawFitter.Fit(new SaturatingPowerLaw(), data);
    }

    public static TheoryData<BootstrapResampling, bool> Schemes => new()
    {
        { BootstrapResampling.Cases, false },
        { BootstrapResampling.Residuals, false },
        { BootstrapResampling.Clusters, false },
        { BootstrapResampling.Cases, true },
    };

    [Theory]
    [MemberData(nameof(Schemes))]
    public void Run_SameSeed_BitIdenticalWithOneAndTwoThreads(BootstrapResampling resampling, bool multiStart)
    {
        var fit = GroupedFit();
        var options = new BootstrapOptions { Resamples = 64, Seed = 123, Resampling = resampling, MultiStart = multiStart };

        var serial = Bootstrap.Run(fit, options with { MaxDegreeOfParallelism = 1 });
        var parallel = Bootstrap.Run(fit, options with { MaxDegreeOfParallelism = 2 });

        serial.SuccessfulResamples.Should().BeGreaterThan(50);
        parallel.Samples.Should().HaveCount(serial.Samples.Count);
        for (var b = 0; b < serial.Samples.Count; b++)
        {
            // Bit-identical, not approximately equal.
            parallel.Samples[b].Select(BitConverter.DoubleToInt64Bits).Should().Equal(serial.Samples[b].Select(BitConverter.DoubleToInt64Bits));
        }

        foreach (var method in new[] { BootstrapIntervalMethod.Percentile, BootstrapIntervalMethod.Basic, BootstrapIntervalMethod.BCa })
        {
            parallel.Interval("alpha", 0.9, method).Should().Be(serial.Interval("alpha", 0.9, method));
        }

        parallel.StandardErrors.Should().Equal(serial.StandardErrors);
        parallel.FailedResamples.Should().Be(serial.FailedResamples);
    }

    [Fact]
    public void Run_DifferentSeeds_DifferentDraws()
    {
        var fit = SaturatingFit();

        var first = Bootstrap.Run(fit, new BootstrapOptions { Resamples = 20, Seed = 1 });
        var second = Bootstrap.Run(fit, new BootstrapOptions { Resamples = 20, Seed = 2 });

        first.Samples[0].Should().NotEqual(second.Samples[0]);
    }

    [Fact]
    public void Run_IterationLimitTooSmall_CountsAndReportsFailedResamples()
    {
        var fit = SaturatingFit();

        var boot = Bootstrap.Run(fit, new BootstrapOptions { Resamples = 50, Seed = 5, MaxIterations = 1 });

        boot.TotalResamples.Should().Be(50);
        boot.FailedResamples.Should().BeGreaterThan(0);
        boot.SuccessfulResamples.Should().Be(50 - boot.FailedResamples);
        boot.Samples.Should().HaveCount(boot.SuccessfulResamples);
        boot.FailuresByStatus.Should().ContainKey(FitStatus.MaxIterationsReached);
        boot.FailuresByStatus.Values.Sum().Should().Be(boot.FailedResamples);
        boot.Warnings.Should().Contain(w => w.Contains("resamples failed", StringComparison.Ordinal));
        boot.ToString().Should().Contain($"{boot.FailedResamples} failed");
    }

    [Fact]
    public void Run_WellPosedFit_NoFailures()
    {
        var boot = Bootstrap.Run(SaturatingFit(), new BootstrapOptions { Resamples = 100, Seed = 9 });

        boot.FailedResamples.Should().Be(0);
        boot.FailuresByStatus.Should().BeEmpty();
        boot.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Run_Progress_ReportsEveryResampleAndTheTotalOnce()
    {
        var reports = new ConcurrentBag<(int Done, int Total)>();

        _ = Bootstrap.Run(SaturatingFit(), new BootstrapOptions { Resamples = 30, Progress = (done, total) => reports.Add((done, total)) });

        reports.Should().HaveCount(30);
        reports.Select(r => r.Done).Should().BeEquivalentTo(Enumerable.Range(1, 30));
        reports.Should().OnlyContain(r => r.Total == 30);
    }

    [Fact]
    public void Run_Cancelled_Throws()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();

        var act = () => Bootstrap.Run(SaturatingFit(), new BootstrapOptions { Resamples = 30 }, source.Token);

        act.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void Run_ClustersWithoutGroups_ThrowsNamingGroups()
    {
        var act = () => Bootstrap.Run(SaturatingFit(), new BootstrapOptions { Resampling = BootstrapResampling.Clusters });

        act.Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("*groups*");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-5)]
    public void Run_TooFewResamples_Throws(int resamples)
    {
        var act = () => Bootstrap.Run(SaturatingFit(), new BootstrapOptions { Resamples = resamples });

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("options").WithMessage("*Resamples*");
    }

    [Fact]
    public void Run_NullFit_Throws()
    {
        var act = () => Bootstrap.Run(null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("fit");
    }

    [Fact]
    public void Run_ResidualResampling_StandardErrorsNearAsymptotic()
    {
        // Homoscedastic Gaussian noise, least squares: the residual bootstrap and s²(JᵀJ)⁻¹ estimate the same thing.
        // Tolerance 15% relative: the Monte Carlo error of an SD from 1000 draws is about 2.2%, plus second-order
        // (nonlinearity) differences between the bootstrap and the linearised covariance.
        const double relativeTolerance = 0.15;
        var fit = SaturatingFit(60, 11);

        var boot = Bootstrap.Run(fit, new BootstrapOptions { Resamples = 1000, Seed = 3, Resampling = BootstrapResampling.Residuals });

        for (var k = 0; k < 3; k++)
        {
            boot.StandardErrors[k].Should().BeApproximately(fit.StandardErrors[k], relativeTolerance * fit.StandardErrors[k], fit.ParameterNames[k]);
        }
    }

    [Fact]
    public void Run_ClusterResampling_WidensIntervalsForCorrelatedRuns()
    {
        // Rows of a run share an offset, so treating the 40 rows as independent understates the uncertainty of E.
        var fit = GroupedFit();
        var options = new BootstrapOptions { Resamples = 400, Seed = 21 };

        var cases = Bootstrap.Run(fit, options);
        var clusters = Bootstrap.Run(fit, options with { Resampling = BootstrapResampling.Clusters });

        clusters.FailedResamples.Should().Be(0);
        clusters.StandardError("E").Should().BeGreaterThan(cases.StandardError("E"));
    }

    [Fact]
    public void Run_FixedParameter_ZeroStandardErrorAndConstantDraws()
    {
        var data = UncertaintyData.Saturating(40, 0.05, 7);
        var fit = ScalingLawFitter.Fit(new SaturatingPowerLaw(), data, FitOptions.Default with
        {
            FixedParameters = new Dictionary<string, double> { ["E"] = 1.0 },
        });

        var boot = Bootstrap.Run(fit, new BootstrapOptions { Resamples = 50, Seed = 1 });

        boot.Distribution("E").Should().OnlyContain(v => v == 1.0);
        boot.StandardError("E").Should().Be(0.0);
        boot.StandardError("alpha").Should().BeGreaterThan(0.0);
    }

    [Fact]
    public void Result_StandardErrorsAndCorrelation_MatchTheDraws()
    {
        var boot = Bootstrap.Run(SaturatingFit(), new BootstrapOptions { Resamples = 200, Seed = 4 });
        var alpha = boot.Distribution("alpha");
        var e = boot.Distribution("E");
        var meanAlpha = alpha.Average();
        var meanE = e.Average();
        var sdAlpha = Math.Sqrt(alpha.Sum(v => (v - meanAlpha) * (v - meanAlpha)) / (alpha.Length - 1));
        var sdE = Math.Sqrt(e.Sum(v => (v - meanE) * (v - meanE)) / (e.Length - 1));
        var correlation = alpha.Zip(e, (a, b) => (a - meanAlpha) * (b - meanE)).Sum() / (alpha.Length - 1) / (sdAlpha * sdE);

        // Same formula (ddof = 1), different summation order: agreement to rounding.
        boot.StandardError("alpha").Should().BeApproximately(sdAlpha, 1e-12 * sdAlpha);
        boot.Correlation["alpha", "E"].Should().BeApproximately(correlation, 1e-10);
        boot.Means[2].Should().BeApproximately(meanAlpha, 1e-12);
    }

    [Fact]
    public void DerivedInterval_ParameterItself_EqualsParameterInterval()
    {
        var boot = Bootstrap.Run(SaturatingFit(), new BootstrapOptions { Resamples = 200, Seed = 8 });

        foreach (var method in new[] { BootstrapIntervalMethod.Percentile, BootstrapIntervalMethod.Basic, BootstrapIntervalMethod.BCa })
        {
            boot.DerivedInterval(p => p[2], 0.8, method).Should().Be(boot.Interval("alpha", 0.8, method));
        }

        boot.DerivedStandardError(p => p[2]).Should().BeApproximately(boot.StandardError("alpha"), 1e-15);
        boot.DerivedDistribution(p => 2.0 * p[2]).Should().Equal(boot.Distribution("alpha").Select(v => 2.0 * v));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Interval_LevelOutsideUnitInterval_Throws(double confidence)
    {
        var boot = Bootstrap.Run(SaturatingFit(), new BootstrapOptions { Resamples = 10 });

        var act = () => boot.Interval("alpha", confidence, BootstrapIntervalMethod.Percentile);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("level");
    }

    [Fact]
    public void Interval_UnknownParameter_ThrowsNamingIt()
    {
        var boot = Bootstrap.Run(SaturatingFit(), new BootstrapOptions { Resamples = 10 });

        var act = () => boot.Interval("gamma", 0.95, BootstrapIntervalMethod.Percentile);

        act.Should().Throw<ArgumentException>().WithMessage("*gamma*");
    }

    [Fact]
    public void Samples_CannotBeModifiedThroughTheResult()
    {
        var boot = Bootstrap.Run(SaturatingFit(), new BootstrapOptions { Resamples = 10 });

        boot.Samples[0].Should().NotBeAssignableTo<double[]>();
        boot.Samples.Should().NotBeAssignableTo<IReadOnlyList<double>[]>();
        ((ICollection<double>)boot.Samples[0]).IsReadOnly.Should().BeTrue();
        ((ICollection<IReadOnlyList<double>>)boot.Samples).IsReadOnly.Should().BeTrue();
    }

    [Fact]
    public void ToString_CommaDecimalCulture_UsesInvariantCulture()
    {
        var boot = Bootstrap.Run(SaturatingFit(), new BootstrapOptions { Resamples = 20, Seed = 42 });

        string text;
        using (new CultureScope("de-DE"))
        {
            text = boot.ToString();
        }

        text.Should().Contain("cases resampling, 20 resamples (seed 42").And.Contain("alpha").And.Contain("bootstrap SE 0.");
        text.Should().NotMatchRegex(@"\d,\d");
    }

    [Fact]
    public void PublicTypes_AreSealedAndHaveNoPublicSetters()
    {
        foreach (var type in new[] { typeof(BootstrapResult), typeof(DerivedQuantityEstimate), typeof(ProfileLikelihoodResult) })
        {
            type.IsSealed.Should().BeTrue(type.Name);
            type.GetProperties().Where(p => p.SetMethod is { IsPublic: true }).Should().BeEmpty(type.Name);
        }
    }
}
