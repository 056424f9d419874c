namespace ScalingLaws.Tests.Laws.Literature;

/// <summary>The three-break BNSL.</summary>
public sealed class BrokenNeuralScalingLawThreeBreaksTests : LiteratureLawTestBase
{
    protected override ScalingLaw CreateLaw() => new BrokenNeuralScalingLaw(3);

    // a, b, c0, then (c1, d1, f1), (c2, d2, f2), (c3, d3, f3).
    protected override double[] TrueParameters => [0.05, 5.0, 0.1, 0.6, 1e2, 0.3, -0.4, 1e4, 0.2, 0.8, 1e6, 0.3];

    protected override double[][] Design() => [LogSpace(1.0, 1e8, 60)];

    // Broken power laws are fitted on log residuals (as the authors do); linear residuals are dominated by the first points.
    protected override ResidualSpace NoiselessFitSpace => ResidualSpace.Log;

    protected override int[] ComparisonOrder(IReadOnlyList<double> fitted) => BrokenNeuralScalingLawTwoBreaksTests.BreakOrder(fitted);
}
