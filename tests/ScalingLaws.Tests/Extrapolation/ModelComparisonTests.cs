namespace ScalingLaws.Tests.Extrapolation;

public class ModelComparisonTests
{
    private static readonly Lazy<(double[] X, double[] Y)> SaturatingData = new(() =>
    {
        var random = new Random(31);
        var x = Enumerable.Range(0, 25).Select(i => Math.Pow(10.0, 6.0 + (0.15 * i))).ToArray();
        var y = x.Select(v => (1.7 + (400.0 * Math.Pow(v, -0.35))) * Math.Exp(0.003 * ExtrapolationTestData.Gaussian(random))).ToArray();
        return (x, y);
    });

    private static FitOptions LogLeastSquares { get; } = FitOptions.Default with { ResidualSpace = ResidualSpace.Log };

    [Fact]
    public void Compare_DataWithIrreducibleLoss_PrefersSaturatingLaw()
    {
        var (x, y) = SaturatingData.Value;
        var power = ScalingLawFitter.Fit(new PowerLaw(), x, y, LogLeastSquares);
        var saturating = ScalingLawFitter.Fit(new SaturatingPowerLaw(), x, y, LogLeastSquares);

        var table = ModelComparison.Compare([power, saturating], ["power law", "power law + E"]);

        table.BestByAic.Should().Be(1);
        table.BestByBic.Should().Be(1);
        table.Rows[1].AicDifference.Should().Be(0.0);
        table.Rows[0].AicDifference.Should().BeGreaterThan(10.0);
        table.Rows.Sum(r => r.AkaikeWeight).Should().BeApproximately(1.0, 1e-12);
        table.Rows[0].Aic.Should().Be(power.Aic!.Value);
        table.Rows[1].Bic.Should().Be(saturating.Bic!.Value);
        table.Rows[1].FreeParameterCount.Should().Be(3);
        table.Rows[1].Label.Should().Be("power law + E");
        table.ToString().Should().Contain("best AIC");
    }

    [Fact]
    public void Compare_Aicc_AddsSmallSampleCorrection()
    {
        var (x, y) = SaturatingData.Value;
        var saturating = ScalingLawFitter.Fit(new SaturatingPowerLaw(), x, y, LogLeastSquares);

        var row = ModelComparison.Compare([saturating]).Rows[0];

        // k = 3 free parameters + the residual variance, n = 25: AICc = AIC + 2k(k+1)/(n − k − 1) = AIC + 40/20.
        row.Aicc.Should().BeApproximately(row.Aic + 2.0, 1e-12);
        row.Label.Should().Be("power-law-plus-constant");
    }

    [Fact]
    public void Compare_RobustFit_HasNaNCriteriaAndNote()
    {
        var (x, y) = SaturatingData.Value;
        var huber = ScalingLawFitter.Fit(new SaturatingPowerLaw(), x, y, LogLeastSquares with { Loss = LossFunction.Huber(1e-3) });
        var lsq = ScalingLawFitter.Fit(new SaturatingPowerLaw(), x, y, LogLeastSquares);

        var table = ModelComparison.Compare([huber, lsq]);

        double.IsNaN(table.Rows[0].Aic).Should().BeTrue();
        table.BestByAic.Should().Be(1);
        table.Notes.Should().ContainSingle().Which.Should().Contain("least-squares");
    }

    [Fact]
    public void Compare_FitsOnDifferentData_Throws()
    {
        var (x, y) = SaturatingData.Value;
        var a = ScalingLawFitter.Fit(new SaturatingPowerLaw(), x, y, LogLeastSquares);
        var b = ScalingLawFitter.Fit(new SaturatingPowerLaw(), x, y.Select(v => v * 1.01).ToArray(), LogLeastSquares);

        var act = () => ModelComparison.Compare([a, b]);

        act.Should().Throw<ArgumentException>().WithParameterName("fits").WithMessage("*fits[1]*target 0 differs*");
    }

    [Fact]
    public void Compare_MixedResidualSpaces_Throws()
    {
        var (x, y) = SaturatingData.Value;
        var a = ScalingLawFitter.Fit(new SaturatingPowerLaw(), x, y, LogLeastSquares);
        var b = ScalingLawFitter.Fit(new SaturatingPowerLaw(), x, y);

        var act = () => ModelComparison.Compare([a, b]);

        act.Should().Throw<ArgumentException>().WithParameterName("fits").WithMessage("*residual spaces differ*");
    }

    [Fact]
    public void Compare_NoFitsOrWrongLabelCount_Throws()
    {
        var (x, y) = SaturatingData.Value;
        var a = ScalingLawFitter.Fit(new SaturatingPowerLaw(), x, y, LogLeastSquares);

        var empty = () => ModelComparison.Compare([]);
        var labels = () => ModelComparison.Compare([a], ["one", "two"]);

        empty.Should().Throw<ArgumentException>().WithParameterName("fits");
        labels.Should().Throw<ArgumentException>().WithParameterName("labels");
    }
}
