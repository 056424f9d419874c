namespace ScalingLaws.Tests.Laws.Literature;

/// <summary>The data-constrained law with U_N given as a column (E, A and B enter linearly).</summary>
public sealed class DataConstrainedColumnLawTests : LiteratureLawTestBase
{
    protected override ScalingLaw CreateLaw() => new DataConstrainedLaw(UniqueParameterSource.Column);

    protected override double[] TrueParameters => [1.87, 520.0, 0.34, 1500.0, 0.37, 15.0, 5.0];

    // U_N is N for the small models and 2e8 for the larger ones (excess parameters), with 1 to 60 epochs of data.
    protected override double[][] Design()
    {
        var rows = from n in LogSpace(1e7, 3e9, 5)
                   from ud in LogSpace(1e8, 1e10, 4)
                   from epochs in new[] { 1.0, 4.0, 15.0, 60.0 }
                   select new[] { n, ud * epochs, ud, Math.Min(n, 2e8) };
        var list = rows.ToList();
        return Enumerable.Range(0, 4).Select(j => list.Select(r => r[j]).ToArray()).ToArray();
    }

    [Fact]
    public void EvaluateBasis_AnyPoint_ReproducesEvaluate()
    {
        var law = new DataConstrainedLaw(UniqueParameterSource.Column);
        var inputs = new LawInputs(Design());
        var n = inputs.Count;
        var values = new double[n];
        var basis = new double[3 * n];
        law.Evaluate(TrueParameters, inputs, values, []);
        law.EvaluateBasis(TrueParameters, inputs, basis);
        for (var i = 0; i < n; i++)
        {
            var combined = (1.87 * basis[i]) + (520.0 * basis[n + i]) + (1500.0 * basis[(2 * n) + i]);
            combined.Should().BeApproximately(values[i], 1e-12 * values[i]);
        }
    }
}
