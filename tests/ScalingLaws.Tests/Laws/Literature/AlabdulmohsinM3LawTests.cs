namespace ScalingLaws.Tests.Laws.Literature;

public sealed class AlabdulmohsinM3LawTests : LiteratureLawTestBase
{
    protected override ScalingLaw CreateLaw() => new AlabdulmohsinM3Law();

    // beta, c, gamma: saturation sets in around x = 1/gamma = 1e5, inside the design.
    protected override double[] TrueParameters => [2.0, 0.35, 1e-5];

    protected override double[][] Design() => [LogSpace(1e2, 1e7, 25)];

    [Fact]
    public void Evaluate_LargeX_SaturatesAtBetaGammaToTheC()
    {
        var law = new AlabdulmohsinM3Law();
        law.Evaluate([2.0, 0.35, 1e-5], [1e15]).Should().BeApproximately(2.0 * Math.Pow(1e-5, 0.35), 1e-9);
    }
}
