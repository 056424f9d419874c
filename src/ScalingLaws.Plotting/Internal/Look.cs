using System.Globalization;
using ScottPlot;

namespace ScalingLaws.Plotting.Internal;

/// <summary>Shared look of every figure: fonts, colours, log axes and number formatting.</summary>
internal static class Look
{
    public const float TitleSize = 16f;
    public const float LabelSize = 16f;
    public const float TickSize = 13f;
    public const float LegendSize = 13f;

    public static Color DataColor { get; } = Color.FromHex("#1f3b73");

    public static Color FitColor { get; } = Color.FromHex("#1f77b4");

    public static Color ExtrapolationColor { get; } = Color.FromHex("#d62728");

    public static Color ExtrapolatedRegionColor { get; } = Color.FromHex("#808080").WithAlpha(0.13);

    public static Color NeutralColor { get; } = Color.FromHex("#555555");

    /// <summary>Gets the sans-serif font used for all text: the first installed of a few common ones, else ScottPlot's default.</summary>
    public static string FontName => SansFont.Value;

    private static readonly Lazy<string> SansFont = new(() =>
    {
        string[] candidates = ["Segoe UI", "Helvetica Neue", "Helvetica", "Arial", "DejaVu Sans", "Liberation Sans", "Noto Sans", "Lato"];
        foreach (var name in candidates)
        {
            var face = Fonts.GetTypeface(name, false, false);
            if (face is not null && string.Equals(face.FamilyName, name, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }

        return Fonts.Default;
    });

    /// <summary>Creates a plot with the library's fonts and sizes.</summary>
    public static Plot NewPlot()
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Axes.Bottom.Label.FontSize = LabelSize;
        plot.Axes.Left.Label.FontSize = LabelSize;
        plot.Axes.Right.Label.FontSize = LabelSize;
        plot.Axes.Bottom.TickLabelStyle.FontSize = TickSize;
        plot.Axes.Left.TickLabelStyle.FontSize = TickSize;
        plot.Axes.Right.TickLabelStyle.FontSize = TickSize;
        plot.Axes.Title.Label.FontSize = TitleSize;
        plot.Legend.FontSize = LegendSize;
        ((ScottPlot.AxisPanels.AxisBase)plot.Axes.Left).PaddingBetweenTickAndAxisLabels = new PixelPadding(10, 10, 0, 0);
        ((ScottPlot.AxisPanels.AxisBase)plot.Axes.Right).PaddingBetweenTickAndAxisLabels = new PixelPadding(10, 10, 0, 0);
        plot.Grid.MajorLineColor = Colors.Black.WithAlpha(0.12);
        plot.Grid.MinorLineColor = Colors.Black.WithAlpha(0.04);
        return plot;
    }

    /// <summary>Creates a plot with the library's look, a title, axis labels and, where asked, logarithmic axes.</summary>
    public static Plot NewPlot(string title, string xLabel, string yLabel, bool logX, bool logY)
    {
        var plot = NewPlot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        if (logX)
        {
            UseLogTicks(plot.Axes.Bottom);
        }

        if (logY)
        {
            UseLogTicks(plot.Axes.Left);
        }

        return plot;
    }

    /// <summary>Makes an axis logarithmic: plotted coordinates are log10 of the values and ticks show the values.</summary>
    public static void UseLogTicks(IAxis axis)
    {
        axis.TickGenerator = new LogTickGenerator();
    }

    /// <summary>Shows the legend in a panel to the right of the data area, so it never hides data.</summary>
    public static void ShowLegendOutside(Plot plot)
    {
        // Shaded regions are drawn first (behind the data) but listed last.
        var items = plot.GetPlottables()
            .SelectMany(p => p.LegendItems.Select(item => (Item: item, IsRegion: p is ScottPlot.Plottables.AxisSpan)))
            .Where(x => !string.IsNullOrEmpty(x.Item.LabelText))
            .OrderBy(x => x.IsRegion)
            .Select(x => x.Item)
            .ToList();
        plot.Legend.ManualItems.Clear();
        plot.Legend.ManualItems.AddRange(items);
        plot.Legend.DisplayPlottableLegendItems = false;
        plot.ShowLegend(Edge.Right);
        plot.Legend.FontSize = LegendSize;
        plot.Legend.FontName = FontName;
    }

    /// <summary>Formats a number compactly in the invariant culture (4 significant digits, m×10ᵏ when large or small).</summary>
    public static string Number(double value) => LogTickGenerator.Format(Significant(value, 4));

    /// <summary>Formats a number with a given count of significant digits, without exponent notation for mid-sized values.</summary>
    public static string Number(double value, int digits) => LogTickGenerator.Format(Significant(value, digits));

    /// <summary>Writes paper notation for common parameter names (alpha → α).</summary>
    public static string Symbol(string name) => name switch
    {
        "alpha" => "α",
        "beta" => "β",
        "gamma" => "γ",
        "delta" => "δ",
        "lambda" => "λ",
        _ => name,
    };

    /// <summary>Writes Greek letters for spelled-out parameter names in a formula (<c>N^alpha</c> → <c>N^α</c>).</summary>
    public static string Pretty(string formula) => System.Text.RegularExpressions.Regex.Replace(formula, @"\b(alpha|beta|gamma|delta|lambda)\b", m => Symbol(m.Value));

    /// <summary>Gets n colours along a perceptually ordered colormap (for ordered groups such as compute budgets).</summary>
    public static Color[] Sequential(int count)
    {
        var map = new ScottPlot.Colormaps.Viridis();
        if (count == 1)
        {
            return [map.GetColor(0.3)];
        }

        return Enumerable.Range(0, count).Select(i => map.GetColor(0.85 * i / (count - 1))).ToArray();
    }

    /// <summary>The log10 of a value, or NaN when it is not positive.</summary>
    public static double Log10(double value) => value > 0.0 ? Math.Log10(value) : double.NaN;

    /// <summary>Formats a value as text in the invariant culture.</summary>
    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static double Significant(double value, int digits)
    {
        if (value == 0.0 || !double.IsFinite(value))
        {
            return value;
        }

        var scale = Math.Pow(10.0, Math.Floor(Math.Log10(Math.Abs(value))) - digits + 1);
        return Math.Round(value / scale) * scale;
    }
}
