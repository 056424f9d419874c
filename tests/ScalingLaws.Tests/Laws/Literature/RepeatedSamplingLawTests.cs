namespace ScalingLaws.Tests.Laws.Literature;

public sealed class RepeatedSamplingLawTests : LiteratureLawTestBase
{
    protected override ScalingLaw CreateLaw() => new RepeatedSamplingLaw();

    // a, b: about 15% coverage with one sample rising towards 1 (shapes like Brown et al.'s SWE-bench Lite curves).
    protected override double[] TrueParameters => [-1.9, -0.35];

    // k = 1 … 10,000 samples, as in the paper's sweeps.
    protected override double[][] Design() => [LogSpace(1.0, 1e4, 25)];

    protected override ResidualSpace NoiselessFitSpace => ResidualSpace.Log;

    [Fact]
    public void Evaluate_ManySamples_CoverageApproachesOne()
    {
        var law = new RepeatedSamplingLaw();
        law.Evaluate([-1.9, -0.35], [1e12]).Should().BeGreaterThan(0.99).And.BeLessThan(1.0);
        law.Evaluate([-1.9, -0.35], [1.0]).Should().BeApproximately(Math.Exp(-1.9), 1e-15);
    }
}
