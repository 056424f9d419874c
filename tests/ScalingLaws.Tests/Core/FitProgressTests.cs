using System.Collections.Concurrent;

namespace ScalingLaws.Tests.Core;

public class FitProgressTests
{
    private static Observations Data() => SyntheticData.Generate(new ChinchillaLaw(), [1.7, 400.0, 0.34, 410.0, 0.28], ["N", "D"],
        [SyntheticData.LogSpace(1e7, 1e10, 6).SelectMany(n => Enumerable.Repeat(n, 5)).ToArray(),
         Enumerable.Repeat(SyntheticData.LogSpace(1e9, 1e12, 5), 6).SelectMany(d => d).ToArray()], 0.01, 3);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Fit_WithProgress_ReportsEveryStartOnceAndTheTotalLast(int threads)
    {
        var data = Data();
        var grid = StartStrategy.Grid(new Dictionary<string, double[]>
        {
            ["E"] = [1.5],
            ["A"] = [300.0],
            ["alpha"] = [0.2, 0.4, 0.6],
            ["B"] = [300.0],
            ["beta"] = [0.2, 0.4],
        });
        var reports = new ConcurrentBag<(int Done, int Total)>();
        var options = FitOptions.Default with { Starts = grid, MaxDegreeOfParallelism = threads };

        var withProgress = ScalingLawFitter.Fit(new ChinchillaLaw(), data, options with { Progress = (d, t) => reports.Add((d, t)) });
        var without = ScalingLawFitter.Fit(new ChinchillaLaw(), data, options);

        var total = withProgress.MultiStart.StartsRun;
        total.Should().BeGreaterThan(1);
        reports.Should().HaveCount(total);
        reports.Select(r => r.Done).Order().Should().Equal(Enumerable.Range(1, total));
        reports.Should().OnlyContain(r => r.Total == total);
        withProgress.Parameters.Should().Equal(without.Parameters, "progress reports never change the result");
    }
}
