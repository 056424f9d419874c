namespace ScalingLaws.Tests.Laws.Literature;

public sealed class DownstreamErrorLawTests : LiteratureLawTestBase
{
    protected override ScalingLaw CreateLaw() => new DownstreamErrorLaw();

    // epsilon, k, gamma: random chance 0.75 (4-way multiple choice), error falling from ≈ 0.74 to ≈ 0.34 as loss falls from 3.9 to 2.
    protected override double[] TrueParameters => [0.75, 15.0, 1.8];

    protected override double[][] Design() => [Enumerable.Range(0, 20).Select(i => 2.0 + (0.1 * i)).ToArray()];

    [Fact]
    public void PredictFromLossFit_ExactFits_ChainsLawsAndCombinesVariances()
    {
        // Loss law: Chinchilla on a 6 × 6 grid with 1% noise; error law: exact data from TrueParameters plus 1% noise.
        var chinchilla = new ChinchillaLaw();
        double[] lossTruth = [1.8, 480.0, 0.35, 2100.0, 0.37];
        var grid = Grid(LogSpace(1e7, 1e9, 6), LogSpace(1e9, 1e11, 6));
        var lossValues = new double[36];
        chinchilla.Evaluate(lossTruth, new LawInputs(grid), lossValues, []);
        var z = Normal(36, 11);
        var noisyLoss = lossValues.Select((v, i) => v * (1.0 + (0.01 * z[i]))).ToArray();
        var lossFit = ScalingLawFitter.Fit(chinchilla, new Observations(["N", "D"], grid, noisyLoss));
        var errorFit = ScalingLawFitter.Fit(new DownstreamErrorLaw(), Generate(new DownstreamErrorLaw(), 0.01));

        var prediction = DownstreamErrorLaw.PredictFromLossFit(lossFit, errorFit, [7e9, 1.4e12]);

        // Point values chain exactly.
        var loss = lossFit.Predict(7e9, 1.4e12);
        prediction.Loss.Should().Be(loss);
        prediction.Value.Should().Be(errorFit.Predict(loss));

        // Both sources of uncertainty contribute: the combined SE exceeds the error fit's own and the loss SE is positive.
        prediction.LossStandardError.Should().BeGreaterThan(0.0);
        prediction.StandardError.Should().BeGreaterThan(0.0);
        var slope = 15.0 * 1.8 * Math.Exp(-1.8 * loss);
        prediction.StandardError.Should().BeGreaterThan(slope * prediction.LossStandardError * 0.5);
        prediction.Lower.Should().BeLessThan(prediction.Value);
        prediction.Upper.Should().BeGreaterThan(prediction.Value);
        (prediction.Upper - prediction.Value).Should().BeApproximately(1.959963984540054 * prediction.StandardError, 1e-12);
        DownstreamErrorLaw.PredictFromLossFit(lossFit, errorFit, [7e9, 1.4e12]).Should().Be(prediction, "the prediction is deterministic");
    }

    [Fact]
    public void PredictFromLossFit_ErrorLawWithTwoInputs_Throws()
    {
        var fit = ScalingLawFitter.Fit(new DownstreamErrorLaw(), Generate(new DownstreamErrorLaw(), 0.01));
        var twoInputs = ScalingLawFitter.Fit(new NmtEncoderDecoderLaw(), new Observations(["Ne", "Nd"],
            Grid(LogSpace(1e7, 1e9, 3), LogSpace(1e7, 1e9, 3)), Enumerable.Range(0, 9).Select(i => 2.0 + (0.01 * i)).ToArray()));
        var act = () => DownstreamErrorLaw.PredictFromLossFit(fit, twoInputs, [2.0]);
        act.Should().Throw<ArgumentException>().WithParameterName("errorFit");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void PredictFromLossFit_BadConfidenceLevel_Throws(double level)
    {
        var fit = ScalingLawFitter.Fit(new DownstreamErrorLaw(), Generate(new DownstreamErrorLaw(), 0.01));
        var act = () => DownstreamErrorLaw.PredictFromLossFit(fit, fit, [2.0], level);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("confidenceLevel");
    }
}
