namespace ScalingLaws.Tests.Laws.Literature;

public sealed class VocabularyLawTests : LiteratureLawTestBase
{
    protected override ScalingLaw CreateLaw() => new VocabularyLaw();

    // E, A1, alpha1, A2, alpha2, B, beta: unigram-normalised losses between about −5.5 and −4.2 over the design.
    protected override double[] TrueParameters => [5.8, 30.0, 0.25, 25.0, 0.3, 40.0, 0.22];

    // Nnv 1e7–1e10, vocabulary 1k–256k at embedding width 1024 (Nv = V·d), D 1e8–1e12: three crossed axes, wide enough
    // that 1% noise on |Lu| ≈ 5 leaves every term identifiable.
    protected override double[][] Design()
    {
        var rows = (from nnv in LogSpace(1e7, 1e10, 5)
                    from v in new[] { 1024.0, 4096.0, 16384.0, 65536.0, 262144.0 }
                    from d in LogSpace(1e8, 1e12, 5)
                    select new[] { nnv, v * 1024.0, d }).ToList();
        return Enumerable.Range(0, 3).Select(j => rows.Select(r => r[j]).ToArray()).ToArray();
    }

    // The unigram-normalised loss is negative: fit on linear residuals with additive-scale checks.
    protected override ResidualSpace NoisyFitSpace => ResidualSpace.Linear;

    [Fact]
    public void OptimalVocabularySize_Budget_IsStationaryPointOfLoss()
    {
        // At the optimum dLu/dV = 0 with D = C/(6·(Nnv + V·d)): check against central differences of the loss in V.
        var p = TrueParameters;
        const double nnv = 2.87e9, width = 3200.0, flops = 6.0 * 2.87e9 * 60e9;
        var v = VocabularyLaw.OptimalVocabularySize(p, nnv, width, flops);
        v.Should().BeInRange(1e3, 1e7);
        double Loss(double vocabulary)
        {
            var nv = vocabulary * width;
            return new VocabularyLaw().Evaluate(p, [nnv, nv, flops / (6.0 * (nnv + nv))]);
        }

        Loss(v).Should().BeLessThan(Loss(v * 1.01)).And.BeLessThan(Loss(v / 1.01));
        var h = 1e-4 * v;
        var derivative = (Loss(v + h) - Loss(v - h)) / (2.0 * h);
        var scale = Math.Abs(Loss(v)) / v;
        Math.Abs(derivative).Should().BeLessThan(1e-6 * scale);
    }

    [Fact]
    public void OptimalVocabularySize_LargerBudget_LargerVocabulary()
    {
        // The paper's headline: larger models (and budgets) deserve larger vocabularies.
        var p = TrueParameters;
        var small = VocabularyLaw.OptimalVocabularySize(p, 3e8, 1024.0, 6.0 * 3e8 * 6e9);
        var large = VocabularyLaw.OptimalVocabularySize(p, 7e10, 8192.0, 6.0 * 7e10 * 1.4e12);
        large.Should().BeGreaterThan(small);
    }

    [Fact]
    public void OptimalVocabularySize_NonPositiveBudget_Throws()
    {
        var act = () => VocabularyLaw.OptimalVocabularySize(TrueParameters, 1e9, 1024.0, 0.0);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("computeFlops");
    }
}
