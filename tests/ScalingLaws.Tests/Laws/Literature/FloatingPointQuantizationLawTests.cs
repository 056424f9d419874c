namespace ScalingLaws.Tests.Laws.Literature;

public sealed class FloatingPointQuantizationLawTests : LiteratureLawTestBase
{
    protected override ScalingLaw CreateLaw() => new FloatingPointQuantizationLaw();

    // n, alpha, d, beta, epsilon, gamma, delta, nu: Chinchilla-like size terms plus a precision penalty of 0.05–2 nats.
    protected override double[] TrueParameters => [69.0, 0.24, 6.9e4, 0.52, 1.9, 0.3, 3.5, 3.0];

    // N × D × (E, M) formats × block sizes.
    protected override double[][] Design()
    {
        (double E, double M)[] formats = [(4, 3), (5, 2), (3, 4), (2, 5), (4, 7), (5, 10)];
        var rows = (from n in LogSpace(1e8, 1e9, 3)
                    from d in LogSpace(1e10, 2e11, 3)
                    from f in formats
                    from b in new[] { 32.0, 128.0, 1024.0 }
                    select new[] { n, d, f.E, f.M, b }).ToList();
        return Enumerable.Range(0, 5).Select(j => rows.Select(r => r[j]).ToArray()).ToArray();
    }

    [Fact]
    public void Evaluate_BlockSizeOne_HasNoPrecisionPenalty()
    {
        var law = new FloatingPointQuantizationLaw();
        var p = TrueParameters;
        var expected = (69.0 * Math.Pow(1e9, -0.24)) + (6.9e4 * Math.Pow(1e11, -0.52)) + 1.9;
        law.Evaluate(p, [1e9, 1e11, 4.0, 3.0, 1.0]).Should().BeApproximately(expected, 1e-12);
    }

    [Fact]
    public void Evaluate_MoreData_EventuallyRaisesLoss()
    {
        // The critical data size: with few mantissa bits the penalty grows as D^beta and overtakes the falling data term.
        var law = new FloatingPointQuantizationLaw();
        var p = TrueParameters;
        var atModest = law.Evaluate(p, [1e8, 1e10, 2.0, 1.0, 1024.0]);
        var atHuge = law.Evaluate(p, [1e8, 1e13, 2.0, 1.0, 1024.0]);
        atHuge.Should().BeGreaterThan(atModest);
    }
}
