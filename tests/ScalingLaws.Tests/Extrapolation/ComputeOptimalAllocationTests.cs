namespace ScalingLaws.Tests.Extrapolation;

public class ComputeOptimalAllocationTests
{
    // Closed-form checks: both sides evaluate the same formula (methods.md §2) by different routes (Math.Pow here,
    // logarithms in the library), so they agree to a few ulps; 1e-12 relative is the acceptance tolerance of issue #4.
    private const double ClosedFormRelativeTolerance = 1e-12;

    // Hoffmann et al. (2022) Approach 3, as published (rounded): E, A, alpha, B, beta.
    private static readonly double[] Hoffmann = [1.69, 406.4, 0.34, 410.7, 0.28];

    private static readonly Lazy<FitResult> SyntheticFit = new(() => ScalingLawFitter.Fit(new ChinchillaLaw(),
        ExtrapolationTestData.SyntheticChinchilla(Hoffmann, 0.01, 7), FitOptions.Default with { ResidualSpace = ResidualSpace.Log }));

    private static readonly Lazy<FitResult> EpochFit = new(() =>
        ScalingLawFitter.Fit(new ChinchillaLaw(), ExtrapolationTestData.Epoch, ExtrapolationTestData.EpochOptions));

    public static TheoryData<double> Budgets => new() { 1e18, 5.76e23, 1e26, 1e30 };

    [Theory]
    [MemberData(nameof(Budgets))]
    public void Allocate_HoffmannParameters_MatchesClosedForm(double computeFlops)
    {
        var allocation = ComputeOptimalAllocation.FromParameters(Hoffmann[0], Hoffmann[1], Hoffmann[2], Hoffmann[3], Hoffmann[4]);
        var (e, a, alpha, b, beta) = (Hoffmann[0], Hoffmann[1], Hoffmann[2], Hoffmann[3], Hoffmann[4]);
        var g = Math.Pow(alpha * a / (beta * b), 1.0 / (alpha + beta));
        var expectedN = g * Math.Pow(computeFlops / 6.0, beta / (alpha + beta));
        var expectedD = Math.Pow(computeFlops / 6.0, alpha / (alpha + beta)) / g;
        var expectedLoss = e + (a * Math.Pow(expectedN, -alpha)) + (b * Math.Pow(expectedD, -beta));

        var point = allocation.Allocate(computeFlops);

        point.ComputeFlops.Should().Be(computeFlops);
        point.ParameterCount.Should().BeApproximately(expectedN, ClosedFormRelativeTolerance * expectedN);
        point.TokenCount.Should().BeApproximately(expectedD, ClosedFormRelativeTolerance * expectedD);
        point.TokensPerParameter.Should().BeApproximately(expectedD / expectedN, ClosedFormRelativeTolerance * expectedD / expectedN);
        point.Loss.Should().BeApproximately(expectedLoss, ClosedFormRelativeTolerance * expectedLoss);
        allocation.ParameterCountExponent.Should().BeApproximately(0.28 / 0.62, 1e-15);
        allocation.TokenCountExponent.Should().BeApproximately(0.34 / 0.62, 1e-15);
        (allocation.ParameterCountCoefficient * Math.Pow(computeFlops, allocation.ParameterCountExponent))
            .Should().BeApproximately(expectedN, ClosedFormRelativeTolerance * expectedN);
        (allocation.TokenCountCoefficient * Math.Pow(computeFlops, allocation.TokenCountExponent))
            .Should().BeApproximately(expectedD, ClosedFormRelativeTolerance * expectedD);
    }

    [Theory]
    [InlineData(1e18, 6.0)]
    [InlineData(5.76e23, 6.0)]
    [InlineData(1e30, 6.0)]
    [InlineData(5.76e23, 8.0)]
    public void Allocate_AnyBudget_SpendsExactlyTheBudget(double computeFlops, double flopsPerParameterToken)
    {
        var allocation = ComputeOptimalAllocation.FromParameters(Hoffmann, flopsPerParameterToken);

        var point = allocation.Allocate(computeFlops);

        (flopsPerParameterToken * point.ParameterCount * point.TokenCount).Should().BeApproximately(computeFlops, ClosedFormRelativeTolerance * computeFlops);
    }

    [Theory]
    [MemberData(nameof(Budgets))]
    public void AllocateForLoss_LossOfAllocation_ReturnsTheBudget(double computeFlops)
    {
        var allocation = ComputeOptimalAllocation.FromParameters(Hoffmann);
        var forward = allocation.Allocate(computeFlops);

        var inverse = allocation.AllocateForLoss(forward.Loss);

        inverse.IsReachable.Should().BeTrue();
        inverse.ComputeFlops.Should().BeApproximately(computeFlops, ClosedFormRelativeTolerance * computeFlops);
        inverse.ParameterCount.Should().BeApproximately(forward.ParameterCount, ClosedFormRelativeTolerance * forward.ParameterCount);
        inverse.TokenCount.Should().BeApproximately(forward.TokenCount, ClosedFormRelativeTolerance * forward.TokenCount);
    }

    [Fact]
    public void Allocate_OptimalSplit_MinimisesLossAlongTheBudget()
    {
        var allocation = ComputeOptimalAllocation.FromParameters(Hoffmann);
        var law = new ChinchillaLaw();
        var point = allocation.Allocate(5.76e23);

        double LossAt(double n) => law.Evaluate(Hoffmann, [n, 5.76e23 / (6.0 * n)]);

        LossAt(point.ParameterCount).Should().BeApproximately(point.Loss, 1e-14);
        LossAt(point.ParameterCount * 1.001).Should().BeGreaterThan(point.Loss);
        LossAt(point.ParameterCount / 1.001).Should().BeGreaterThan(point.Loss);
    }

    [Theory]
    [InlineData(1.69)]
    [InlineData(1.5)]
    [InlineData(-3.0)]
    public void AllocateForLoss_TargetAtOrBelowIrreducibleLoss_IsUnreachableWithoutThrowing(double target)
    {
        var allocation = ComputeOptimalAllocation.FromParameters(Hoffmann);

        var point = allocation.AllocateForLoss(target);

        point.IsReachable.Should().BeFalse();
        point.ComputeFlops.Should().Be(double.PositiveInfinity);
        point.ParameterCount.Should().Be(double.PositiveInfinity);
        point.Loss.Should().Be(target);
        double.IsNaN(point.TokensPerParameter).Should().BeTrue();
        point.ToString().Should().Contain("not reachable");
    }

    [Fact]
    public void EstimateForLoss_TargetBelowIrreducibleLoss_ReportsInfiniteCompute()
    {
        var allocation = ComputeOptimalAllocation.FromFit(SyntheticFit.Value);

        var estimate = allocation.EstimateForLoss(1.0);

        estimate.Point.IsReachable.Should().BeFalse();
        estimate.ComputeFlopsInterval.Lower.Should().Be(double.PositiveInfinity);
        estimate.ToString().Should().Contain("no finite compute reaches it");
    }

    [Fact]
    public void Estimate_DeltaMethod_ExponentIntervalMatchesAnalyticGradient()
    {
        // a = beta/(alpha+beta): ∂a/∂alpha = −beta/(alpha+beta)², ∂a/∂beta = alpha/(alpha+beta)².
        var fit = SyntheticFit.Value;
        var cov = fit.Covariance!;
        var (alpha, beta) = (fit["alpha"], fit["beta"]);
        var s = alpha + beta;
        var (ga, gb) = (-beta / (s * s), alpha / (s * s));
        var se = Math.Sqrt((ga * ga * cov["alpha", "alpha"]) + (2.0 * ga * gb * cov["alpha", "beta"]) + (gb * gb * cov["beta", "beta"]));
        var t = MathNet.Numerics.Distributions.StudentT.InvCDF(0.0, 1.0, fit.DegreesOfFreedom, 0.975);

        var estimate = ComputeOptimalAllocation.FromFit(fit).Estimate(1e22);

        estimate.Source.Should().Be(IntervalSource.DeltaMethod);
        var interval = estimate.ParameterCountExponentInterval;
        // Central differences with step 1e-4·min(|θ|, SE): truncation error ~1e-8 relative; 1e-6 leaves margin.
        ((interval.Upper - interval.Lower) / (2.0 * t)).Should().BeApproximately(se, 1e-6 * se);
        interval.Contains(estimate.ParameterCountExponent).Should().BeTrue();
    }

    [Fact]
    public void Estimate_DeltaMethod_PositiveQuantitiesHaveLogSymmetricIntervals()
    {
        var estimate = ComputeOptimalAllocation.FromFit(SyntheticFit.Value).Estimate(1e22, 0.9);

        var n = estimate.ParameterCountInterval;
        Math.Sqrt(n.Lower * n.Upper).Should().BeApproximately(estimate.Point.ParameterCount, 1e-12 * estimate.Point.ParameterCount);
        n.ConfidenceLevel.Should().Be(0.9);
        estimate.ComputeFlopsInterval.Should().Be(new ParameterInterval(1e22, 1e22, 0.9));
        estimate.TokenCountInterval.Contains(estimate.Point.TokenCount).Should().BeTrue();
        estimate.LossInterval.Contains(estimate.Point.Loss).Should().BeTrue();
    }

    [Fact]
    public void Estimate_ParameterDraws_GivesPercentilesOfPerDrawAllocations()
    {
        var fit = SyntheticFit.Value;
        var allocation = ComputeOptimalAllocation.FromFit(fit);
        IReadOnlyList<double>[] draws =
        [
            [1.69, 406.4, 0.34, 410.7, 0.28], [1.70, 420.0, 0.345, 400.0, 0.27], [1.68, 390.0, 0.335, 430.0, 0.29],
            [1.69, 410.0, 0.34, 405.0, 0.285], [1.71, 400.0, 0.33, 415.0, 0.275],
        ];
        var perDraw = draws.Select(d => ComputeOptimalAllocation.FromParameters(d).Allocate(5.76e23).ParameterCount).Order().ToArray();

        // Level 0.5 on 5 draws: percentiles 25 and 75 are exactly the 2nd and 4th order statistics (numpy's linear rule).
        var estimate = allocation.Estimate(5.76e23, draws, 0.5);

        estimate.Source.Should().Be(IntervalSource.ParameterDraws);
        estimate.SampleCount.Should().Be(5);
        estimate.ParameterCountInterval.Lower.Should().Be(perDraw[1]);
        estimate.ParameterCountInterval.Upper.Should().Be(perDraw[3]);
        estimate.Point.Should().Be(allocation.Allocate(5.76e23));
    }

    [Fact]
    public void EstimateForLoss_DrawsWithIrreducibleLossAboveTarget_CountedAsUnreachable()
    {
        var allocation = ComputeOptimalAllocation.FromParameters(Hoffmann);
        IReadOnlyList<double>[] draws = [[1.69, 406.4, 0.34, 410.7, 0.28], [1.75, 406.4, 0.34, 410.7, 0.28], [1.80, 406.4, 0.34, 410.7, 0.28]];

        var estimate = allocation.EstimateForLoss(1.78, draws, 0.9);

        estimate.UnreachableSampleCount.Should().Be(1);
        estimate.ComputeFlopsInterval.Upper.Should().Be(double.PositiveInfinity);
        estimate.ComputeFlopsInterval.Lower.Should().BeGreaterThan(0.0).And.BeLessThan(double.PositiveInfinity);
    }

    [Fact]
    public void Estimate_FromParametersWithoutDraws_HasNoIntervals()
    {
        var estimate = ComputeOptimalAllocation.FromParameters(Hoffmann).Estimate(5.76e23);

        estimate.Source.Should().Be(IntervalSource.None);
        double.IsNaN(estimate.ParameterCountInterval.Lower).Should().BeTrue();
        estimate.Point.ParameterCount.Should().BeGreaterThan(0.0);
    }

    [Fact]
    public void Estimate_EpochFitAtChinchillaBudget_IntervalsBracketTheAllocation()
    {
        var fit = EpochFit.Value;
        var allocation = ComputeOptimalAllocation.FromFit(fit);

        var estimate = allocation.Estimate(5.76e23);

        // The allocation equals the closed form on the fitted parameters (checked above); here its intervals must bracket it.
        estimate.Point.Should().Be(ComputeOptimalAllocation.FromParameters(fit["E"], fit["A"], fit["alpha"], fit["B"], fit["beta"]).Allocate(5.76e23));
        estimate.ParameterCountInterval.Contains(estimate.Point.ParameterCount).Should().BeTrue();
        estimate.TokenCountInterval.Contains(estimate.Point.TokenCount).Should().BeTrue();
        estimate.TokensPerParameterInterval.Contains(estimate.Point.TokensPerParameter).Should().BeTrue();
        estimate.ParameterCountInterval.IsFinite.Should().BeTrue();
        // Epoch AI's published Fit-1 parameters give a = 0.367183/(0.347313 + 0.367183) = 0.51391; our fit matches theirs to
        // 1e-3 relative in alpha and beta (samples/Chinchilla), so a agrees to 1e-3.
        estimate.ParameterCountExponent.Should().BeApproximately(0.51391, 1e-3);
    }

    [Fact]
    public void FromFit_LawWithoutChinchillaParameters_Throws()
    {
        var fit = ScalingLawFitter.Fit(new PowerLaw(), [1.0, 2.0, 4.0], [1.0, 0.8, 0.6]);

        var act = () => ComputeOptimalAllocation.FromFit(fit);

        act.Should().Throw<ArgumentException>().WithParameterName("fit").WithMessage("*no parameter 'E'*");
    }

    [Theory]
    [InlineData(2, 0.0)]
    [InlineData(4, -0.1)]
    [InlineData(1, double.NaN)]
    [InlineData(0, -1.0)]
    [InlineData(3, double.PositiveInfinity)]
    public void FromParameters_ValueOutsideDomain_ThrowsNamingTheParameter(int index, double value)
    {
        var parameters = (double[])Hoffmann.Clone();
        parameters[index] = value;
        string[] names = ["E", "A", "alpha", "B", "beta"];

        var act = () => ComputeOptimalAllocation.FromParameters(parameters);

        act.Should().Throw<ArgumentException>().WithParameterName("parameters").WithMessage($"{names[index]} = *");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-6.0)]
    [InlineData(double.NaN)]
    public void FromParameters_InvalidFlopsPerParameterToken_Throws(double k)
    {
        var act = () => ComputeOptimalAllocation.FromParameters(Hoffmann, k);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("flopsPerParameterToken");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Allocate_BudgetNotPositiveAndFinite_Throws(double computeFlops)
    {
        var act = () => ComputeOptimalAllocation.FromParameters(Hoffmann).Allocate(computeFlops);

        act.Should().Throw<ArgumentException>().WithParameterName(nameof(computeFlops));
    }

    [Fact]
    public void AllocateForLoss_NaNTarget_Throws()
    {
        var act = () => ComputeOptimalAllocation.FromParameters(Hoffmann).AllocateForLoss(double.NaN);

        act.Should().Throw<ArgumentException>().WithParameterName("targetLoss");
    }
}
