namespace ScalingLaws.Plotting.Tests;

public sealed class FitPlotsTests : IDisposable
{
    // A rendered plot has anti-aliased lines, text and fills: hundreds of colours. A blank or one-colour image has ≤ 2.
    private const int MinimumDistinctColors = 50;
    private readonly string _folder = Images.TempFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void SaveFit_ChinchillaDataPng_WritesImageOfRequestedSizeWithContent()
    {
        var path = TestData.SharedFile("chinchilla-epoch/svg_extracted_data.csv");
        var data = ObservationsCsv.Read(path, new CsvReadOptions
        {
            TargetColumn = "loss",
            InputColumns = new Dictionary<string, string> { ["N"] = "Model Size", ["C"] = "Training FLOP" },
        })
            .DropLargestTargets(5)
            .WithDerivedColumn("D", r => r["C"] / (6.0 * r["N"]), "C/(6*N)");
        var fit = ScalingLawFitter.Fit(new ChinchillaLaw(), data,
            FitOptions.Default with { Loss = LossFunction.Huber(1e-3), ResidualSpace = ResidualSpace.Log });
        var file = Path.Combine(_folder, "chinchilla.png");

        var written = FitPlots.SaveFit(fit, file, FitPlotOptions.Default with { Width = 900, Height = 600, ExtrapolatedGroups = [5.76e23] });

        written.Should().Be(Path.GetFullPath(file));
        Images.PngSize(file).Should().Be((900, 600));
        Images.DistinctColors(file).Should().BeGreaterThan(MinimumDistinctColors);
    }

    [Fact]
    public void SaveFit_Svg_WritesSvgOfRequestedSizeWithPathsAndText()
    {
        var file = Path.Combine(_folder, "fit.svg");

        FitPlots.SaveFit(Synthetic.FitChinchilla(), file, FitPlotOptions.Default with { Width = 1000, Height = 640 });

        var (width, height, root) = Images.SvgSize(file);
        width.Should().Be(1000);
        height.Should().Be(640);
        root.Descendants().Count(e => e.Name.LocalName == "path").Should().BeGreaterThan(20, "axes, ticks, points and curves are paths");
        root.Descendants().Count(e => e.Name.LocalName == "text").Should().BeGreaterThan(5, "labels and ticks are text");
    }

    [Fact]
    public void SaveFit_SingleInputWithExtrapolation_WritesPng()
    {
        var file = Path.Combine(_folder, "single.png");

        FitPlots.SaveFit(Synthetic.FitPowerLaw(), file, FitPlotOptions.Default with { ExtrapolateTo = 1e24 });

        Images.PngSize(file).Should().Be((FitPlotOptions.DefaultWidth, FitPlotOptions.DefaultHeight));
        Images.DistinctColors(file).Should().BeGreaterThan(MinimumDistinctColors);
    }

    [Fact]
    public void CreateFit_SingleInputWithExtrapolation_ShadesTheExtrapolatedRegion()
    {
        using var plot = FitPlots.CreateFit(Synthetic.FitPowerLaw(), FitPlotOptions.Default with { ExtrapolateTo = 1e24 });

        var spans = plot.GetPlottables<ScottPlot.Plottables.HorizontalSpan>().ToArray();
        spans.Should().ContainSingle();
        spans[0].X2.Should().BeApproximately(24.0, 1e-9, "the region ends at log10(1e24)");
    }

    [Fact]
    public void CreateFit_ChinchillaGroupedByCompute_DrawsOneCurvePerBudget()
    {
        using var plot = FitPlots.CreateFit(Synthetic.FitChinchilla(), FitPlotOptions.Default with { GroupBy = "C" });

        // 6 budgets: 6 point sets and 6 curves (ScatterPoints and ScatterLine are both Scatter plottables).
        plot.GetPlottables<ScottPlot.Plottables.Scatter>().Should().HaveCount(12);
    }

    [Fact]
    public void SaveResiduals_Png_WritesImage()
    {
        var file = Path.Combine(_folder, "residuals.png");

        FitPlots.SaveResiduals(Synthetic.FitChinchilla(), file, FitPlotOptions.Default with { Width = 700, Height = 500 });

        Images.PngSize(file).Should().Be((700, 500));
        Images.DistinctColors(file).Should().BeGreaterThan(MinimumDistinctColors);
    }

    [Fact]
    public void SaveBootstrap_PngAndSvg_WriteImagesOfRequestedSize()
    {
        var fit = Synthetic.FitPowerLaw();
        var boot = Bootstrap.Run(fit, new BootstrapOptions { Resamples = 60, Seed = 7 });
        var png = Path.Combine(_folder, "boot.png");
        var svg = Path.Combine(_folder, "boot.svg");

        FitPlots.SaveBootstrap(boot, png, PlotOptions.Default with { Width = 900, Height = 400 });
        FitPlots.SaveBootstrap(boot, svg, PlotOptions.Default with { Width = 900, Height = 400 });

        Images.PngSize(png).Should().Be((900, 400));
        Images.DistinctColors(png).Should().BeGreaterThan(MinimumDistinctColors);
        var (width, height, root) = Images.SvgSize(svg);
        (width, height).Should().Be((900.0, 400.0));
        root.Descendants().Count(e => e.Name.LocalName == "text").Should().BeGreaterThan(5);
    }

    [Theory]
    [InlineData("fit.gif")]
    [InlineData("fit")]
    [InlineData("fit.png.txt")]
    public void SaveFit_UnsupportedExtension_ThrowsNamingPath(string name)
    {
        var act = () => FitPlots.SaveFit(Synthetic.FitPowerLaw(), Path.Combine(_folder, name));

        act.Should().Throw<ArgumentException>().WithParameterName("path").WithMessage("*.png or .svg*");
    }

    [Fact]
    public void SaveFit_MissingFolder_ThrowsNamingFolder()
    {
        var act = () => FitPlots.SaveFit(Synthetic.FitPowerLaw(), Path.Combine(_folder, "no-such-folder", "fit.png"));

        act.Should().Throw<ArgumentException>().WithParameterName("path").WithMessage("*does not exist*");
    }

    [Fact]
    public void CreateFit_UnknownGroupColumn_ThrowsNamingColumns()
    {
        var act = () => FitPlots.CreateFit(Synthetic.FitChinchilla(), FitPlotOptions.Default with { GroupBy = "Z" });

        act.Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("*'Z'*N, C, D*");
    }

    [Fact]
    public void CreateFit_UnknownXInput_ThrowsNamingInputs()
    {
        var act = () => FitPlots.CreateFit(Synthetic.FitChinchilla(), FitPlotOptions.Default with { XInput = "C" });

        act.Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("*'C'*N, D*");
    }

    [Theory]
    [InlineData(50, 600)]
    [InlineData(800, 99)]
    [InlineData(800, 30_000)]
    public void CreateFit_SizeOutOfRange_Throws(int width, int height)
    {
        var act = () => FitPlots.CreateFit(Synthetic.FitPowerLaw(), FitPlotOptions.Default with { Width = width, Height = height });

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("options");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void CreateFit_InvalidConfidenceLevel_Throws(double level)
    {
        var act = () => FitPlots.CreateFit(Synthetic.FitPowerLaw(), FitPlotOptions.Default with { ConfidenceLevel = level });

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("options");
    }
}
