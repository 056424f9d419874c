namespace ScalingLaws.Tests.Schedules;

public class LossCurveMetricsTests
{
    [Fact]
    public void Compute_KnownErrors_GivesHandComputedMetrics()
    {
        // y = [2, 4], ŷ = [2.2, 3.6]: errors −0.2, 0.4; mean 3, SStot 2, SSres 0.2.
        var metrics = LossCurveMetrics.Compute("c", [2.0, 4.0], [2.2, 3.6]);

        metrics.RSquared.Should().BeApproximately(0.9, 1e-14);
        metrics.MeanAbsoluteError.Should().BeApproximately(0.3, 1e-14);
        metrics.RootMeanSquareError.Should().BeApproximately(Math.Sqrt(0.1), 1e-14);
        metrics.MeanRelativeError.Should().BeApproximately(0.1, 1e-14);
        metrics.MaxRelativeError.Should().BeApproximately(0.1, 1e-14);
        metrics.Count.Should().Be(2);
        metrics.ToString().Should().Be("c (2 points): R² 0.9000, MAE 0.30000, RMSE 0.31623, PredE 0.10000, WorstE 0.10000");
    }

    [Fact]
    public void Average_TwoCurves_AveragesEachMetric()
    {
        var a = LossCurveMetrics.Compute("a", [2.0, 4.0], [2.2, 3.6]);
        var b = LossCurveMetrics.Compute("b", [1.0, 2.0, 3.0], [1.0, 2.0, 3.0]);

        var mean = LossCurveMetrics.Average([a, b]);

        mean.RSquared.Should().BeApproximately(0.95, 1e-14);
        mean.MeanRelativeError.Should().BeApproximately(0.05, 1e-14);
        mean.MaxRelativeError.Should().BeApproximately(0.05, 1e-14);
        mean.Count.Should().Be(5);
        mean.Name.Should().Be("mean of 2 curves");
    }

    [Fact]
    public void Compute_NaNPrediction_GivesNaNMetrics()
    {
        var metrics = LossCurveMetrics.Compute("c", [2.0, 4.0], [2.0, double.NaN]);

        metrics.MaxRelativeError.Should().Be(double.NaN);
        metrics.MeanAbsoluteError.Should().Be(double.NaN);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Compute_ObservedNotPositive_ThrowsNamingIndex(double bad)
    {
        var act = () => LossCurveMetrics.Compute("c", [2.0, bad], [2.0, 2.0]);

        act.Should().Throw<ArgumentException>().WithParameterName("observed").WithMessage("*observed[1] = *");
    }

    [Fact]
    public void Compute_LengthsDiffer_Throws()
    {
        var act = () => LossCurveMetrics.Compute("c", [2.0, 3.0], [2.0]);

        act.Should().Throw<ArgumentException>().WithParameterName("predicted");
    }

    [Fact]
    public void Average_Empty_Throws()
    {
        var act = () => LossCurveMetrics.Average([]);

        act.Should().Throw<ArgumentException>().WithParameterName("metrics");
    }
}
