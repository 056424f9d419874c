namespace ScalingLaws.Tests.Laws.Literature;

/// <summary>The two-break BNSL: a power law that steepens and then flattens again.</summary>
public sealed class BrokenNeuralScalingLawTwoBreaksTests : LiteratureLawTestBase
{
    protected override ScalingLaw CreateLaw() => new BrokenNeuralScalingLaw(2);

    // a, b, c0, then (c1, d1, f1) and (c2, d2, f2).
    protected override double[] TrueParameters => [0.05, 5.0, 0.1, 0.6, 1e2, 0.3, -0.4, 1e4, 0.2];

    protected override double[][] Design() => [LogSpace(1.0, 1e6, 50)];
}
