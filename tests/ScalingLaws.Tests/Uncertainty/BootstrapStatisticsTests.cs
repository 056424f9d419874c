using ScalingLaws.Internal;

namespace ScalingLaws.Tests.Uncertainty;

public class BootstrapStatisticsTests
{
    // Draws 1, 2, ..., 100: the type-7 quantile is exactly 1 + 99·p.
    private static readonly double[] OneToHundred = Enumerable.Range(1, 100).Select(i => (double)i).ToArray();

    // Exact arithmetic on small integers; only rounding remains.
    private const double Tolerance = 1e-12;

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.025, 3.475)]
    [InlineData(0.5, 50.5)]
    [InlineData(0.975, 97.525)]
    [InlineData(1.0, 100.0)]
    public void Quantile_OneToHundred_MatchesNumpyLinear(double probability, double expected)
    {
        // numpy.percentile(range(1, 101), 100·p) with the default 'linear' method.
        BootstrapStatistics.Quantile(OneToHundred, probability).Should().BeApproximately(expected, Tolerance);
    }

    [Fact]
    public void Quantile_OneValue_ReturnsIt()
    {
        BootstrapStatistics.Quantile([4.0], 0.3).Should().Be(4.0);
    }

    [Fact]
    public void Interval_Percentile_IsTheQuantiles()
    {
        var interval = BootstrapStatistics.Interval(OneToHundred.Reverse(), 50.0, NoJackknife, 0.95, BootstrapIntervalMethod.Percentile);

        interval.Lower.Should().BeApproximately(3.475, Tolerance);
        interval.Upper.Should().BeApproximately(97.525, Tolerance);
        interval.ConfidenceLevel.Should().Be(0.95);
    }

    [Fact]
    public void Interval_Basic_ReflectsTheQuantilesAboutTheEstimate()
    {
        // [2·θ̂ − q(0.975), 2·θ̂ − q(0.025)] with θ̂ = 60.
        var interval = BootstrapStatistics.Interval(OneToHundred, 60.0, NoJackknife, 0.95, BootstrapIntervalMethod.Basic);

        interval.Lower.Should().BeApproximately(120.0 - 97.525, Tolerance);
        interval.Upper.Should().BeApproximately(120.0 - 3.475, Tolerance);
    }

    [Fact]
    public void Interval_BCaWithoutBiasOrAcceleration_EqualsPercentile()
    {
        // θ̂ = 50.5 splits the draws in half (z0 = 0) and a symmetric jackknife has zero skewness (a = 0).
        var bca = BootstrapStatistics.Interval(OneToHundred, 50.5, () => [1.0, 2.0, 3.0], 0.9, BootstrapIntervalMethod.BCa);
        var percentile = BootstrapStatistics.Interval(OneToHundred, 50.5, NoJackknife, 0.9, BootstrapIntervalMethod.Percentile);

        bca.Lower.Should().BeApproximately(percentile.Lower, 1e-9);
        bca.Upper.Should().BeApproximately(percentile.Upper, 1e-9);
    }

    [Fact]
    public void Interval_BCaWithBiasAndAcceleration_MatchesEfronFormula()
    {
        // θ̂ = 30.5: 30 of 100 draws below, z0 = Φ⁻¹(0.3) = −0.5244005127080407. Jackknife 1, 2, 3, 10: deviations from the
        // mean 3, 2, 1, −6, a = −180/(6·50^1.5) = −0.08485281374238571. Adjusted levels Φ(z0 + (z0 + z)/(1 − a(z0 + z))):
        // 0.00012015348703503514 and 0.7749603115862163, so the ends are 1 + 99·level. Computed with Python's
        // statistics.NormalDist (double precision); MathNet's Φ and Φ⁻¹ agree to about 1e-15 relative.
        var interval = BootstrapStatistics.Interval(OneToHundred, 30.5, () => [1.0, 2.0, 3.0, 10.0], 0.95, BootstrapIntervalMethod.BCa);

        BootstrapStatistics.Acceleration([1.0, 2.0, 3.0, 10.0]).Should().BeApproximately(-0.08485281374238571, 1e-15);
        interval.Lower.Should().BeApproximately(1.0118951952164685, 1e-9);
        interval.Upper.Should().BeApproximately(77.7210708470354, 1e-9);
    }

    [Fact]
    public void Interval_BCaAllDrawsAboveEstimate_EndsAtTheSmallestDraw()
    {
        // Every draw above θ̂: z0 = Φ⁻¹(0) = −∞, so both adjusted levels are 0 (the correction pulls fully down).
        var interval = BootstrapStatistics.Interval(OneToHundred, 0.0, () => [1.0, 2.0, 4.0], 0.95, BootstrapIntervalMethod.BCa);

        interval.Lower.Should().Be(1.0);
        interval.Upper.Should().Be(1.0);
    }

    [Fact]
    public void Interval_NonFiniteDrawsIgnored()
    {
        var draws = OneToHundred.Concat([double.NaN, double.PositiveInfinity, double.NegativeInfinity]);

        var interval = BootstrapStatistics.Interval(draws, 50.0, NoJackknife, 0.95, BootstrapIntervalMethod.Percentile);

        interval.Lower.Should().BeApproximately(3.475, Tolerance);
        interval.Upper.Should().BeApproximately(97.525, Tolerance);
    }

    [Fact]
    public void Interval_FewerThanTwoDraws_NaN()
    {
        var interval = BootstrapStatistics.Interval([1.0], 1.0, NoJackknife, 0.95, BootstrapIntervalMethod.Percentile);

        interval.Lower.Should().Be(double.NaN);
        interval.Upper.Should().Be(double.NaN);
    }

    [Fact]
    public void StandardDeviation_UsesDdofOne()
    {
        // Values 1, 2, 3, 4: Σ(x − 2.5)² = 5, ddof = 1 → √(5/3).
        BootstrapStatistics.StandardDeviation([1.0, 2.0, 3.0, 4.0]).Should().BeApproximately(Math.Sqrt(5.0 / 3.0), Tolerance);
    }

    private static IEnumerable<double> NoJackknife() => throw new InvalidOperationException("The jackknife is only needed for BCa.");
}
