namespace ScalingLaws.Tests.Laws.Literature;

/// <summary>The two-break BNSL: a power law that steepens and then flattens again.</summary>
public sealed class BrokenNeuralScalingLawTwoBreaksTests : LiteratureLawTestBase
{
    protected override ScalingLaw CreateLaw() => new BrokenNeuralScalingLaw(2);

    // a, b, c0, then (c1, d1, f1) and (c2, d2, f2).
    protected override double[] TrueParameters => [0.05, 5.0, 0.1, 0.6, 1e2, 0.3, -0.4, 1e4, 0.2];

    protected override double[][] Design() => [LogSpace(1.0, 1e6, 50)];

    // Broken power laws are fitted on log residuals (as the authors do); linear residuals are dominated by the first points.
    protected override ResidualSpace NoiselessFitSpace => ResidualSpace.Log;

    /// <summary>Breaks are interchangeable, so compare them sorted by location d_i.</summary>
    protected override int[] ComparisonOrder(IReadOnlyList<double> fitted) => BreakOrder(fitted);

    /// <summary>Parameter order with the break triples (c_i, d_i, f_i) sorted by d_i.</summary>
    internal static int[] BreakOrder(IReadOnlyList<double> parameters)
    {
        var breaks = (parameters.Count - 3) / 3;
        var sorted = Enumerable.Range(0, breaks).OrderBy(j => parameters[4 + (3 * j)]).ToArray();
        return [0, 1, 2, .. sorted.SelectMany(j => new[] { 3 + (3 * j), 4 + (3 * j), 5 + (3 * j) })];
    }
}
