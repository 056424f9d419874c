using System.Globalization;

namespace ScalingLaws.Plotting.Internal;

/// <summary>One group of rows for colouring (for example the runs of one compute budget).</summary>
/// <param name="Rows">Row indices of the members.</param>
/// <param name="Value">The representative value: the geometric mean of the members (arithmetic when not all positive).</param>
/// <param name="Label">The legend text.</param>
internal sealed record PlotGroup(int[] Rows, double Value, string Label);

/// <summary>Splits rows into at most a given number of groups by the value of one column.</summary>
/// <remarks>
/// With few distinct values each value is a group. Otherwise the values are binned into bins of a "nice" width (1, 2, 2.5 or 5
/// times a power of ten) in log10 space when all values are positive (linear space otherwise), aligned to multiples of that
/// width, with the narrowest width that keeps the number of non-empty bins within the limit.
/// </remarks>
internal static class Grouping
{
    public static PlotGroup[] Create(string columnName, IReadOnlyList<double> values, int maxGroups)
    {
        var distinct = values.Distinct().OrderBy(v => v).ToArray();
        var positive = values.All(v => v > 0.0);
        if (distinct.Length <= maxGroups)
        {
            return distinct
                .Select(d => Make(columnName, Enumerable.Range(0, values.Count).Where(i => values[i].Equals(d)).ToArray(), values, positive, exact: true))
                .ToArray();
        }

        var transformed = values.Select(v => positive ? Math.Log10(v) : v).ToArray();
        var low = transformed.Min();
        var high = transformed.Max();
        var span = Math.Max(high - low, 1e-12);
        double[] multipliers = [1.0, 2.0, 2.5, 5.0];
        var magnitude = Math.Pow(10.0, Math.Floor(Math.Log10(span / maxGroups)));
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var width = magnitude * multipliers[attempt % multipliers.Length] * Math.Pow(10.0, attempt / multipliers.Length);
            var bins = transformed.Select(t => (long)Math.Floor((t / width) + 1e-9)).ToArray();
            var keys = bins.Distinct().OrderBy(b => b).ToArray();
            if (keys.Length <= maxGroups)
            {
                return keys
                    .Select(key => Make(columnName, Enumerable.Range(0, bins.Length).Where(i => bins[i] == key).ToArray(), values, positive, exact: false))
                    .ToArray();
            }
        }

        return [Make(columnName, Enumerable.Range(0, values.Count).ToArray(), values, positive, exact: false)];
    }

    private static PlotGroup Make(string columnName, int[] rows, IReadOnlyList<double> values, bool positive, bool exact)
    {
        var value = exact ? values[rows[0]] : positive
            ? Math.Exp(rows.Average(r => Math.Log(values[r])))
            : rows.Average(r => values[r]);
        var label = string.Create(CultureInfo.InvariantCulture,
            $"{columnName} {(exact ? "=" : "≈")} {Look.Number(value, 2)} ({rows.Length} point{(rows.Length == 1 ? string.Empty : "s")})");
        return new PlotGroup(rows, value, label);
    }
}
