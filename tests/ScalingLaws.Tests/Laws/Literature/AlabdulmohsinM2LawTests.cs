namespace ScalingLaws.Tests.Laws.Literature;

public sealed class AlabdulmohsinM2LawTests : LiteratureLawTestBase
{
    protected override ScalingLaw CreateLaw() => new AlabdulmohsinM2Law();

    // beta, c, epsilon_inf.
    protected override double[] TrueParameters => [3.0, -0.4, 0.12];

    protected override double[][] Design() => [LogSpace(1e2, 1e7, 20)];
}
