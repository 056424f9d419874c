namespace ScalingLaws.Tests.Laws.Literature;

public sealed class StepLawBatchSizeTests : LiteratureLawTestBase
{
    protected override ScalingLaw CreateLaw() => new StepLawBatchSize();

    // b, gamma near Li et al.'s published 0.58, 0.571.
    protected override double[] TrueParameters => [0.5, 0.58];

    protected override double[][] Design() => [LogSpace(2e9, 1e12, 12)];

    protected override ResidualSpace NoiselessFitSpace => ResidualSpace.Log;

    [Fact]
    public void PredictPublished_HundredBillionTokens_MatchesFormula()
    {
        StepLawBatchSize.PredictPublished(1e11).Should().BeApproximately(0.58 * Math.Pow(1e11, 0.571), 1e-6);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void PredictPublished_BadTokenCount_Throws(double tokens)
    {
        var act = () => StepLawBatchSize.PredictPublished(tokens);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("tokenCount");
    }
}
