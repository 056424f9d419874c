using ScalingLaws.Plotting.Internal;
using ScottPlot;

namespace ScalingLaws.Plotting.Tests.Internal;

public sealed class LogTickGeneratorTests
{
    [Theory]
    [InlineData(1e9, "10⁹")]
    [InlineData(1e-4, "10⁻⁴")]
    [InlineData(2.5, "2.5")]
    [InlineData(100.0, "100")]
    [InlineData(3e19, "3×10¹⁹")]
    [InlineData(5.76e23, "5.76×10²³")]
    [InlineData(0.0, "0")]
    public void Format_Value_ReadableLabel(double value, string expected) => LogTickGenerator.Format(value).Should().Be(expected);

    [Fact]
    public void Regenerate_SeveralDecades_MajorTicksAtPowersOfTen()
    {
        var generator = new LogTickGenerator();
        using var paint = Paint.NewDisposablePaint();

        generator.Regenerate(new CoordinateRange(7.8, 10.3), Edge.Bottom, new PixelLength(800), paint, new LabelStyle());

        generator.Ticks.Where(t => t.IsMajor).Select(t => t.Label).Should().Equal("10⁸", "10⁹", "10¹⁰");
        generator.Ticks.Count(t => !t.IsMajor).Should().BeGreaterThan(10, "2…9 × 10ᵏ minor ticks");
    }

    [Fact]
    public void Regenerate_NarrowLossRange_LinearLabelsAtTheirLogs()
    {
        var generator = new LogTickGenerator();
        using var paint = Paint.NewDisposablePaint();

        generator.Regenerate(new CoordinateRange(Math.Log10(1.8), Math.Log10(3.6)), Edge.Left, new PixelLength(600), paint, new LabelStyle());

        var majors = generator.Ticks.Where(t => t.IsMajor).ToArray();
        majors.Select(t => t.Label).Should().Contain(["2", "3"]);
        majors.Should().OnlyContain(t => Math.Abs(Math.Pow(10.0, t.Position) - double.Parse(t.Label, System.Globalization.CultureInfo.InvariantCulture)) < 1e-9);
    }
}
