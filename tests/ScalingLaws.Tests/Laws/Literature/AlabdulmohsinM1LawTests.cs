namespace ScalingLaws.Tests.Laws.Literature;

public sealed class AlabdulmohsinM1LawTests : LiteratureLawTestBase
{
    protected override ScalingLaw CreateLaw() => new AlabdulmohsinM1Law();

    // beta, c: error falling as a power law in the number of examples.
    protected override double[] TrueParameters => [3.0, -0.3];

    protected override double[][] Design() => [LogSpace(1e2, 1e7, 20)];
}
