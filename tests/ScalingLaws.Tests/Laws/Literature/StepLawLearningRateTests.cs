namespace ScalingLaws.Tests.Laws.Literature;

public sealed class StepLawLearningRateTests : LiteratureLawTestBase
{
    protected override ScalingLaw CreateLaw() => new StepLawLearningRate();

    // a, alpha, beta near Li et al.'s published 1.79, −0.713, 0.307 (perturbed so the fit cannot start at the answer).
    protected override double[] TrueParameters => [2.1, -0.69, 0.29];

    protected override double[][] Design() => Grid(LogSpace(6e7, 1e9, 5), LogSpace(2e9, 1e11, 5));

    protected override ResidualSpace NoiselessFitSpace => ResidualSpace.Log;

    [Fact]
    public void PredictPublished_OneBillionParametersHundredBillionTokens_MatchesFormula()
    {
        // 1.79·(1e9)^(−0.713)·(1e11)^(0.307), evaluated independently with Math.Pow.
        StepLawLearningRate.PredictPublished(1e9, 1e11)
            .Should().BeApproximately(1.79 * Math.Pow(1e9, -0.713) * Math.Pow(1e11, 0.307), 1e-18);
    }

    [Fact]
    public void PredictPublished_NonPositiveInput_Throws()
    {
        var act = () => StepLawLearningRate.PredictPublished(0.0, 1e11);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("parameterCount");
    }
}
