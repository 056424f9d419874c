namespace ScalingLaws.Tests.Laws.Literature;

public sealed class AverageParameterCountLawTests : LiteratureLawTestBase
{
    protected override ScalingLaw CreateLaw() => new AverageParameterCountLaw();

    // E, A, alpha, B, beta near Epoch's Chinchilla fit.
    protected override double[] TrueParameters => [1.8, 480.0, 0.35, 2100.0, 0.37];

    protected override double[][] Design() => Grid(LogSpace(1e7, 1e10, 7), LogSpace(1e9, 1e12, 7));

    // Densities by hand from t0 + (t1 − t0)·(1 − 3s/4) + (1 − t1)·(1 − s).
    [Theory]
    [InlineData(0.0, 0.25, 0.75, 1.0)]
    [InlineData(0.5, 0.25, 0.75, 0.6875)]
    [InlineData(0.8, 0.0, 1.0, 0.4)]
    [InlineData(0.6, 0.5, 0.5, 0.7)]
    public void AverageParameterCountForCubicPruning_Schedules_MatchClosedForm(double sparsity, double start, double end, double density)
    {
        AverageParameterCountLaw.AverageParameterCountForCubicPruning(1e9, sparsity, start, end)
            .Should().BeApproximately(1e9 * density, 1e-3);
    }

    [Fact]
    public void AverageParameterCountForCubicPruning_MatchesNumericIntegralOfSchedule()
    {
        // Sample the cubic schedule finely and integrate with the trapezoidal helper: the two agree to the rule's O(h²) error.
        const double dense = 1e9, sparsity = 0.75, t0 = 0.25, t1 = 0.75;
        var t = Enumerable.Range(0, 20001).Select(i => i / 20000.0).ToArray();
        var counts = t.Select(x =>
        {
            var s = x < t0 ? 0.0 : x > t1 ? sparsity : sparsity * (1.0 - Math.Pow(1.0 - ((x - t0) / (t1 - t0)), 3));
            return dense * (1.0 - s);
        }).ToArray();
        var numeric = AverageParameterCountLaw.AverageParameterCount(t, counts);
        AverageParameterCountLaw.AverageParameterCountForCubicPruning(dense, sparsity, t0, t1).Should().BeApproximately(numeric, 1e-6 * dense);
    }

    [Fact]
    public void AverageParameterCount_DenseRun_IsParameterCount()
    {
        AverageParameterCountLaw.AverageParameterCount([0.0, 5e9, 1e10], [3e8, 3e8, 3e8]).Should().BeApproximately(3e8, 1e-4);
    }

    [Fact]
    public void AverageParameterCount_NonIncreasingProgress_Throws()
    {
        var act = () => AverageParameterCountLaw.AverageParameterCount([0.0, 1.0, 1.0], [1.0, 1.0, 1.0]);
        act.Should().Throw<ArgumentException>().WithParameterName("tokens").WithMessage("*tokens[2]*");
    }

    [Theory]
    [InlineData(1.0, 0.25, 0.75, "finalSparsity")]
    [InlineData(0.5, 0.8, 0.75, "pruningEnd")]
    [InlineData(0.5, -0.1, 0.75, "pruningStart")]
    public void AverageParameterCountForCubicPruning_OutOfRange_Throws(double sparsity, double start, double end, string parameter)
    {
        var act = () => AverageParameterCountLaw.AverageParameterCountForCubicPruning(1e9, sparsity, start, end);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter);
    }
}
