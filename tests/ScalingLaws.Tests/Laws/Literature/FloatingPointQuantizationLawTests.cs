namespace ScalingLaws.Tests.Laws.Literature;

public sealed class FloatingPointQuantizationLawTests : LiteratureLawTestBase
{
    protected override ScalingLaw CreateLaw() => new FloatingPointQuantizationLaw();

    // n, alpha, d, beta, epsilon, gamma, delta, nu: the published constants of Sun et al. (2025), Table 2.
    protected override double[] TrueParameters => [.. FloatingPointQuantizationLaw.PublishedParameters];

    // The paper's grid: N 41M–679M × D 10B–100B × low-bit formats × block sizes 32–512.
    protected override double[][] Design()
    {
        (double E, double M)[] formats = [(1, 1), (1, 2), (2, 1), (2, 3), (3, 2), (4, 3)];
        var rows = (from n in new[] { 4.1e7, 8.5e7, 1.54e8, 6.79e8 }
                    from d in new[] { 1e10, 2e10, 5e10, 1e11 }
                    from f in formats
                    from b in new[] { 32.0, 128.0, 512.0 }
                    select new[] { n, d, f.E, f.M, b }).ToList();
        return Enumerable.Range(0, 5).Select(j => rows.Select(r => r[j]).ToArray()).ToArray();
    }

    [Fact]
    public void Evaluate_BlockSizeOne_HasNoPrecisionPenalty()
    {
        // log2(1) = 0, so only the Chinchilla terms remain.
        var law = new FloatingPointQuantizationLaw();
        var p = TrueParameters;
        var expected = (p[0] * Math.Pow(1e9, -p[1])) + (p[2] * Math.Pow(1e11, -p[3])) + p[4];
        law.Evaluate(p, [1e9, 1e11, 4.0, 3.0, 1.0]).Should().BeApproximately(expected, 1e-12);
    }

    [Fact]
    public void Evaluate_PublishedConstants_MatchesEquationTermByTerm()
    {
        // Eq. (26) evaluated independently with Math.Pow at N = 1e9, D = 1e11, E4M3, B = 128 (log2 B = 7).
        var law = new FloatingPointQuantizationLaw();
        var p = TrueParameters;
        var penalty = Math.Pow(1e11, p[3]) / Math.Pow(1e9, p[1]) * 7.0 / (p[5] * Math.Pow(4.5, p[6]) * Math.Pow(3.5, p[7]));
        var expected = (p[0] / Math.Pow(1e9, p[1])) + (p[2] / Math.Pow(1e11, p[3])) + p[4] + penalty;

        // Two evaluation orders of the same expression agree to a few ulps of a loss near 2.5.
        law.Evaluate(p, [1e9, 1e11, 4.0, 3.0, 128.0]).Should().BeApproximately(expected, 1e-12);
    }

    [Fact]
    public void Evaluate_MoreData_EventuallyRaisesLoss()
    {
        // The critical data size: with few bits the penalty grows as D^beta and overtakes the falling data term
        // (for N = 1e8, E2M1, B = 1024 the published constants put it near 1.6e11 tokens).
        var law = new FloatingPointQuantizationLaw();
        var p = TrueParameters;
        var atModest = law.Evaluate(p, [1e8, 1e10, 2.0, 1.0, 1024.0]);
        var atHuge = law.Evaluate(p, [1e8, 1e13, 2.0, 1.0, 1024.0]);
        atHuge.Should().BeGreaterThan(atModest);
    }

    [Theory]
    // Sun et al. (2025), Section 4.3: for a 1B-parameter model "trained utilizing BF16 exhibits a Dcrit value of 1730T ...
    // with FP8-E4M3 ... 27T, and with FP4-E2M1 ... 0.4T"; B = 128 is the block size of their Figures 7 and 14.
    // Each tolerance is half a unit in the last digit the paper reports.
    [InlineData(8.0, 7.0, 1730e12, 5e12)]
    [InlineData(4.0, 3.0, 27e12, 0.5e12)]
    [InlineData(2.0, 1.0, 0.4e12, 0.05e12)]
    public void Evaluate_PublishedConstants_MinimumOverTokensIsPaperCriticalDataSize(double exponentBits, double mantissaBits,
        double publishedCriticalTokens, double tolerance)
    {
        var law = new FloatingPointQuantizationLaw();
        var p = TrueParameters;
        double Loss(double logD) => law.Evaluate(p, [1e9, Math.Exp(logD), exponentBits, mantissaBits, 128.0]);

        // Golden-section search for the minimum of the loss over log D in [ln 1e9, ln 1e18].
        var low = Math.Log(1e9);
        var high = Math.Log(1e18);
        var ratio = (Math.Sqrt(5.0) - 1.0) / 2.0;
        for (var i = 0; i < 200; i++)
        {
            var a = high - (ratio * (high - low));
            var b = low + (ratio * (high - low));
            if (Loss(a) < Loss(b))
            {
                high = b;
            }
            else
            {
                low = a;
            }
        }

        Math.Exp((low + high) / 2.0).Should().BeApproximately(publishedCriticalTokens, tolerance);
    }
}
