namespace ScalingLaws.Tests.Laws.Literature;

public sealed class ParallelScalingLawTests : LiteratureLawTestBase
{
    protected override ScalingLaw CreateLaw() => new ParallelScalingLaw();

    // A, k, alpha, E of the size reported by Chen et al. for the Stack-V2 fits (alpha ≈ 0.1–0.2, k ≈ 0.4).
    protected override double[] TrueParameters => [3e7, 0.4, 0.18, 0.9];

    // Sizes 5e8–4.4e9 and P = 1, 2, 4, 8, as in the ParScale experiments.
    protected override double[][] Design() => Grid(LogSpace(5e8, 4.4e9, 8), [1.0, 2.0, 4.0, 8.0]);

    protected override double[] DrawParameters(Random random)
        => [3e7 * (1.0 + (0.3 * random.NextDouble())), 0.2 + (0.4 * random.NextDouble()), 0.1 + (0.2 * random.NextDouble()), 0.5 + random.NextDouble()];

    [Fact]
    public void Evaluate_OneStream_IsPowerLawInN()
    {
        var law = new ParallelScalingLaw();
        law.Evaluate([3e7, 0.4, 0.18, 0.9], [1e9, 1.0]).Should().BeApproximately(Math.Pow(3e7 / 1e9, 0.18) + 0.9, 1e-12);
    }
}
