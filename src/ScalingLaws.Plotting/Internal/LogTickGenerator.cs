using System.Globalization;
using ScottPlot;

namespace ScalingLaws.Plotting.Internal;

/// <summary>
/// Ticks for an axis whose coordinates are base-10 logarithms of the plotted values (ScottPlot 5 has no log axis, so
/// values are plotted as log10 and the ticks are labelled with the original values).
/// </summary>
/// <remarks>
/// Ranges of about a decade or more get major ticks at powers of ten (every k-th decade when there are many) with minor
/// ticks at 2…9 × 10ᵏ; narrower ranges get "nice" linear values (1-2-5 steps) placed at their logarithms, so a loss axis
/// from 1.8 to 5 reads 2, 2.5, 3, … rather than showing a single decade tick.
/// </remarks>
internal sealed class LogTickGenerator : ITickGenerator
{
    private const float PixelsPerMajorTick = 55f;

    public Tick[] Ticks { get; set; } = [];

    public int MaxTickCount { get; set; } = 10_000;

    public void Regenerate(CoordinateRange range, Edge edge, PixelLength size, Paint paint, LabelStyle labelStyle)
    {
        var low = Math.Min(range.Min, range.Max);
        var high = Math.Max(range.Min, range.Max);
        if (!double.IsFinite(low) || !double.IsFinite(high) || high - low > 300)
        {
            Ticks = [];
            return;
        }

        var pixels = Math.Max(size.Length, 1f);
        var maxMajor = Math.Max(2, (int)(pixels / (edge.IsVertical() ? PixelsPerMajorTick * 0.6f : PixelsPerMajorTick)));
        Ticks = high - low >= 0.9 ? DecadeTicks(low, high, maxMajor) : LinearTicks(low, high, maxMajor);
    }

    /// <summary>Formats a value for a tick label: powers of ten as 10ᵏ, mid-sized values plainly, others as m×10ᵏ.</summary>
    public static string Format(double value)
    {
        if (value == 0.0 || !double.IsFinite(value))
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        var abs = Math.Abs(value);
        var exponent = (int)Math.Floor(Math.Log10(abs) + 1e-9);
        var mantissa = value / Math.Pow(10.0, exponent);
        if (Math.Abs(Math.Abs(mantissa) - 1.0) < 1e-6 && (exponent >= 4 || exponent <= -3))
        {
            return (value < 0 ? "−" : string.Empty) + "10" + Superscript(exponent);
        }

        if (abs >= 1e-3 && abs < 1e4)
        {
            return value.ToString("G4", CultureInfo.InvariantCulture);
        }

        return Math.Round(mantissa, 2).ToString("G3", CultureInfo.InvariantCulture) + "×10" + Superscript(exponent);
    }

    /// <summary>Writes an integer with Unicode superscript digits (and the superscript minus).</summary>
    public static string Superscript(int value)
    {
        const string digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        var text = Math.Abs(value).ToString(CultureInfo.InvariantCulture);
        var chars = text.Select(c => digits[c - '0']);
        return (value < 0 ? "⁻" : string.Empty) + string.Concat(chars);
    }

    private static Tick[] DecadeTicks(double low, double high, int maxMajor)
    {
        var first = (int)Math.Floor(low);
        var last = (int)Math.Ceiling(high);
        var decades = last - first;
        var step = 1;
        while (decades / step + 1 > maxMajor)
        {
            step++;
        }

        var ticks = new List<Tick>();
        for (var k = first; k <= last; k++)
        {
            if (k >= low - 1e-9 && k <= high + 1e-9 && (k % step) == 0)
            {
                ticks.Add(Tick.Major(k, Format(Math.Pow(10.0, k))));
            }
            else if (step > 1 && k >= low && k <= high)
            {
                ticks.Add(Tick.Minor(k));
            }

            if (step == 1)
            {
                for (var m = 2; m <= 9; m++)
                {
                    var position = k + Math.Log10(m);
                    if (position >= low && position <= high)
                    {
                        ticks.Add(Tick.Minor(position));
                    }
                }
            }
        }

        // A range just under two decades may hold only one power of ten; label 2× and 5× too so the axis can be read.
        if (ticks.Count(t => t.IsMajor) < 2)
        {
            return LinearTicks(low, high, maxMajor);
        }

        return [.. ticks];
    }

    private static Tick[] LinearTicks(double low, double high, int maxMajor)
    {
        var lowValue = Math.Pow(10.0, low);
        var highValue = Math.Pow(10.0, high);
        var span = highValue - lowValue;
        if (!(span > 0.0))
        {
            return [Tick.Major(low, Format(lowValue))];
        }

        // Pick the smallest 1-2-5 step that keeps the count of major ticks within the budget.
        var magnitude = Math.Pow(10.0, Math.Floor(Math.Log10(span)) - 1.0);
        double[] multipliers = [1.0, 2.0, 2.5, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0];
        var step = magnitude * multipliers[^1];
        foreach (var m in multipliers)
        {
            if (span / (magnitude * m) <= maxMajor - 1)
            {
                step = magnitude * m;
                break;
            }
        }

        var ticks = new List<Tick>();
        var start = Math.Ceiling(lowValue / step) * step;
        for (var i = 0; i < 1000; i++)
        {
            var value = start + (i * step);
            if (value > highValue * (1 + 1e-12))
            {
                break;
            }

            // Round away binary noise so labels read 2.5, not 2.5000000000000004.
            value = Math.Round(value / step) * step;
            if (value > 0.0)
            {
                ticks.Add(Tick.Major(Math.Log10(value), Format(value)));
            }

            var half = value + (step / 2.0);
            if (half > 0.0 && half <= highValue)
            {
                ticks.Add(Tick.Minor(Math.Log10(half)));
            }
        }

        return [.. ticks];
    }
}
