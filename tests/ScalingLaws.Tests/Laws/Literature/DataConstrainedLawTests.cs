namespace ScalingLaws.Tests.Laws.Literature;

public sealed class DataConstrainedLawTests : LiteratureLawTestBase
{
    protected override ScalingLaw CreateLaw() => new DataConstrainedLaw();

    // Muennighoff et al.'s C4 fit, with alpha and beta untied so all seven parameters are exercised.
    protected override double[] TrueParameters => [1.87, 520.0, 0.34, 1500.0, 0.37, 15.0, 5.0];

    // N 1e7–3e9, unique tokens 1e8–1e10 and 1 to 60 epochs: both excess parameters (N > N_opt(U_D)) and repeated data occur.
    protected override double[][] Design()
    {
        var rows = from n in LogSpace(1e7, 3e9, 5)
                   from ud in LogSpace(1e8, 1e10, 4)
                   from epochs in new[] { 1.0, 4.0, 15.0, 60.0 }
                   select new[] { n, ud * epochs, ud };
        var list = rows.ToList();
        return [list.Select(r => r[0]).ToArray(), list.Select(r => r[1]).ToArray(), list.Select(r => r[2]).ToArray()];
    }

    [Fact]
    public void Evaluate_PublishedParameters_MatchRepositoryExample()
    {
        // huggingface/datablations README: scaling_law(6.34e9, 242e9, 25e9) = 2.2256440889984477 and
        // scaling_law(8.67e9, 178e9, 25e9) = 2.2269634075087867, printed to 17 digits.
        var law = new DataConstrainedLaw();
        var p = DataConstrainedLaw.MuennighoffParameters.ToArray();
        law.Evaluate(p, [6.34e9, 242e9, 25e9]).Should().BeApproximately(2.2256440889984477, 1e-12);
        law.Evaluate(p, [8.67e9, 178e9, 25e9]).Should().BeApproximately(2.2269634075087867, 1e-12);
    }

    [Fact]
    public void EffectiveCount_NoRepetition_EqualsUnique()
    {
        DataConstrainedLaw.EffectiveCount(1e9, 1e9, 15.0).Should().Be(1e9);
        DataConstrainedLaw.EffectiveCount(1e9, 1e12, 15.0).Should().BeApproximately(16e9, 1e-3);
    }

    [Fact]
    public void UniqueParameterCount_SmallModel_IsN()
    {
        var p = DataConstrainedLaw.MuennighoffParameters;
        DataConstrainedLaw.UniqueParameterCount(p, 1e6, 25e9).Should().Be(1e6);
        DataConstrainedLaw.UniqueParameterCount(p, 1e12, 25e9).Should().BeLessThan(1e12);
    }
}
