namespace ScalingLaws.Plotting.Tests;

public sealed class PlotExportTests
{
    [Theory]
    [InlineData("a.png", ScottPlot.ImageFormat.Png)]
    [InlineData("a.PNG", ScottPlot.ImageFormat.Png)]
    [InlineData("a.svg", ScottPlot.ImageFormat.Svg)]
    public void GetFormat_SupportedExtension_ReturnsFormat(string name, ScottPlot.ImageFormat expected)
        => PlotExport.GetFormat(Path.Combine(Path.GetTempPath(), name)).Should().Be(expected);

    [Theory]
    [InlineData("a.jpg")]
    [InlineData("a")]
    public void GetFormat_UnsupportedExtension_Throws(string name)
    {
        var act = () => PlotExport.GetFormat(Path.Combine(Path.GetTempPath(), name));

        act.Should().Throw<ArgumentException>().WithParameterName("path").WithMessage($"*{name}*");
    }

    [Fact]
    public void Save_WidthTooSmall_ThrowsNamingWidth()
    {
        using var plot = new ScottPlot.Plot();

        var act = () => PlotExport.Save(plot, Path.Combine(Path.GetTempPath(), "a.png"), 10, 400);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("width");
    }
}
