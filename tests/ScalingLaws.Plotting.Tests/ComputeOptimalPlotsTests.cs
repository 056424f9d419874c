namespace ScalingLaws.Plotting.Tests;

public sealed class ComputeOptimalPlotsTests : IDisposable
{
    // See FitPlotsTests: a rendered plot has far more colours than a blank one.
    private const int MinimumDistinctColors = 50;
    private readonly string _folder = Images.TempFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void SaveFrontier_Png_WritesImageOfRequestedSize()
    {
        var allocation = ComputeOptimalAllocation.FromFit(Synthetic.FitChinchilla());
        var file = Path.Combine(_folder, "frontier.png");

        ComputeOptimalPlots.SaveFrontier(allocation, 1e18, 1e25, file, PlotOptions.Default with { Width = 800, Height = 500 });

        Images.PngSize(file).Should().Be((800, 500));
        Images.DistinctColors(file).Should().BeGreaterThan(MinimumDistinctColors);
    }

    [Fact]
    public void SaveIsoFlop_FittedLawSvg_WritesSvg()
    {
        var file = Path.Combine(_folder, "isoflop.svg");

        ComputeOptimalPlots.SaveIsoFlop(Synthetic.FitChinchilla(), [1e19, 1e20, 5.76e23], file);

        var (width, height, root) = Images.SvgSize(file);
        (width, height).Should().Be((PlotOptions.DefaultWidth, (double)PlotOptions.DefaultHeight));
        root.Descendants().Count(e => e.Name.LocalName == "path").Should().BeGreaterThan(10);
    }

    [Fact]
    public void CreateIsoFlop_EmpiricalAnalysis_MarksEveryMinimum()
    {
        var data = Synthetic.Chinchilla();
        var c = data.Column("C").ToArray();
        var n = data.Column("N").ToArray();
        var loss = data.Target.ToArray();
        var iso = IsoFlopAnalysis.Analyze(c, n, loss);

        using var plot = ComputeOptimalPlots.CreateIsoFlop(iso, c, n, loss);

        plot.GetPlottables<ScottPlot.Plottables.Marker>().Should().HaveCount(iso.Minima.Count(m => m.HasMinimum));
        // One parabola per budget, plus the dotted line through the minima.
        plot.GetPlottables<ScottPlot.Plottables.Scatter>().Count(s => s.LineWidth > 0 && s.MarkerSize == 0)
            .Should().BeGreaterThanOrEqualTo(iso.Minima.Count);
    }

    [Fact]
    public void CreateFrontier_InvalidRange_ThrowsNamingParameter()
    {
        var allocation = ComputeOptimalAllocation.FromParameters(ChinchillaLaw.HoffmannParameters);

        var act = () => ComputeOptimalPlots.CreateFrontier(allocation, 1e20, 1e19);

        act.Should().Throw<ArgumentException>().WithParameterName("maximumCompute");
    }

    [Fact]
    public void CreateIsoFlop_NonChinchillaLaw_ThrowsNamingFit()
    {
        var act = () => ComputeOptimalPlots.CreateIsoFlop(Synthetic.FitPowerLaw(), [1e20]);

        act.Should().Throw<ArgumentException>().WithParameterName("fit");
    }
}
