using ScalingLaws.Plotting.Internal;

namespace ScalingLaws.Plotting.Tests.Internal;

public sealed class CurveInputModelTests
{
    // Exact relation D = C/(6N) in log space; the least-squares model should recover it to rounding.
    private const double RelativeTolerance = 1e-9;

    [Fact]
    public void Map_TokensDerivedFromCompute_IsExact()
    {
        var data = Synthetic.Chinchilla();
        var model = CurveInputModel.Create(new ChinchillaLaw(), data, 0, data.Column("C"), null);

        var inputs = model.Map(1e10, 5.76e23);

        inputs[0].Should().Be(1e10);
        inputs[1].Should().BeApproximately(5.76e23 / 6e10, RelativeTolerance * 5.76e23 / 6e10);
        model.MaxResidualStandardDeviation.Should().BeLessThan(1e-9);
    }

    [Fact]
    public void Map_GroupColumnIsALawInput_UsesTheGroupValue()
    {
        var data = Synthetic.Chinchilla();
        var model = CurveInputModel.Create(new ChinchillaLaw(), data, 0, data.Column("D"), null);

        model.Map(1e9, 4.2e11)[1].Should().Be(4.2e11);
    }
}
