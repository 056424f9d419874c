namespace ScalingLaws.Tests.Laws.Literature;

public sealed class OverTrainingLawTests : LiteratureLawTestBase
{
    protected override ScalingLaw CreateLaw() => new OverTrainingLaw();

    // E, a, b, eta: a loss of about 2.5–4 nats over the design, eta near the tied Chinchilla exponents (≈ 0.17 = 0.34/2).
    protected override double[] TrueParameters => [1.8, 250.0, 2000.0, 0.17];

    // Token multipliers M = D/N from 1 to 1000 (over-training) at several sizes.
    protected override double[][] Design() => Grid(LogSpace(1e7, 1e9, 6), LogSpace(1e9, 1e11, 6));

    [Fact]
    public void Evaluate_AnyPoint_EqualsTiedChinchillaForm()
    {
        // L(C, M) with C = 6ND, M = D/N equals E + a·(6N²)^(−eta) + b·(6D²)^(−eta).
        var law = new OverTrainingLaw();
        double[] p = [1.8, 250.0, 2000.0, 0.17];
        const double n = 3e8, d = 2e10;
        var expected = 1.8 + (250.0 * Math.Pow(6.0 * n * n, -0.17)) + (2000.0 * Math.Pow(6.0 * d * d, -0.17));
        law.Evaluate(p, [n, d]).Should().BeApproximately(expected, 1e-12 * expected);
    }
}
