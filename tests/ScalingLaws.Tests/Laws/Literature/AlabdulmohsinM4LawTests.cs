namespace ScalingLaws.Tests.Laws.Literature;

public sealed class AlabdulmohsinM4LawTests : LiteratureLawTestBase
{
    protected override ScalingLaw CreateLaw() => new AlabdulmohsinM4Law();

    // beta, c, epsilon_inf, epsilon_0, alpha: error falls from ≈ 0.5 to ≈ 0.13 over the design.
    protected override double[] TrueParameters => [8.0, -0.4, 0.1, 0.9, 0.8];

    protected override double[][] Design() => [LogSpace(1e1, 1e7, 30)];

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(3.0)]
    public void Evaluate_AnyAlpha_SatisfiesImplicitEquation(double alpha)
    {
        // (ε − ε∞)/(ε0 − ε)^α = β·x^c to rounding, across four decades of x and curves close to both asymptotes.
        var law = new AlabdulmohsinM4Law();
        double[] p = [8.0, -0.4, 0.1, 0.9, alpha];
        foreach (var x in LogSpace(1e-2, 1e12, 15))
        {
            var epsilon = law.Evaluate(p, [x]);
            // With alpha = 0 (M2) the ceiling plays no role and epsilon may exceed it.
            var lhs = alpha == 0.0 ? Math.Log(epsilon - 0.1) : Math.Log(epsilon - 0.1) - (alpha * Math.Log(0.9 - epsilon));
            var rhs = Math.Log(8.0) - (0.4 * Math.Log(x));
            lhs.Should().BeApproximately(rhs, 1e-9, "x = {0}, epsilon = {1}", x, epsilon);
            if (alpha > 0.0)
            {
                epsilon.Should().BeInRange(0.1, 0.9);
            }
        }
    }

    [Fact]
    public void Evaluate_AlphaZero_EqualsM2()
    {
        var m4 = new AlabdulmohsinM4Law();
        var m2 = new AlabdulmohsinM2Law();
        m4.Evaluate([8.0, -0.4, 0.1, 0.9, 0.0], [1e3]).Should().BeApproximately(m2.Evaluate([8.0, -0.4, 0.1], [1e3]), 1e-15);
    }

    [Fact]
    public void Evaluate_CeilingBelowFloor_ReturnsNaN()
    {
        new AlabdulmohsinM4Law().Evaluate([8.0, -0.4, 0.5, 0.4, 1.0], [1e3]).Should().Be(double.NaN);
    }
}
