using System.Globalization;
using System.Text;

namespace ScalingLaws;

/// <summary>Information criteria of several laws fitted to the same observations, built by <see cref="ModelComparison.Compare"/>.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class ModelComparisonTable
{
    private readonly ModelComparisonRow[] _rows;
    private readonly string[] _notes;

    internal ModelComparisonTable(ModelComparisonRow[] rows, string[] notes)
    {
        _rows = rows;
        _notes = notes;
        BestByAic = IndexOfMin(rows, r => r.Aic);
        BestByBic = IndexOfMin(rows, r => r.Bic);
    }

    /// <summary>Gets one row per fit, in the order the fits were given.</summary>
    public IReadOnlyList<ModelComparisonRow> Rows => _rows;

    /// <summary>Gets the index of the row with the smallest AIC, or −1 when no row has one.</summary>
    public int BestByAic { get; }

    /// <summary>Gets the index of the row with the smallest BIC, or −1 when no row has one.</summary>
    public int BestByBic { get; }

    /// <summary>Gets notes about the comparison (for example fits without a likelihood).</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>Returns the table in the invariant culture.</summary>
    /// <returns>An aligned table with one line per law.</returns>
    public override string ToString()
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        var width = Math.Max(5, _rows.Length == 0 ? 5 : _rows.Max(r => r.Label.Length));
        sb.Append(ci, $"{"law".PadRight(width)}  {"k",3} {"n",5} {"RSS",12} {"AIC",11} {"ΔAIC",9} {"AICc",11} {"BIC",11} {"ΔBIC",9} {"weight",7}").AppendLine();
        for (var i = 0; i < _rows.Length; i++)
        {
            var r = _rows[i];
            sb.Append(ci, $"{r.Label.PadRight(width)}  {r.FreeParameterCount,3} {r.ObservationCount,5} {r.ResidualSumOfSquares,12:G6} {r.Aic,11:F3} {r.AicDifference,9:F3} {r.Aicc,11:F3} {r.Bic,11:F3} {r.BicDifference,9:F3} {r.AkaikeWeight,7:F4}");
            if (i == BestByAic)
            {
                sb.Append("  best AIC");
            }

            if (i == BestByBic)
            {
                sb.Append("  best BIC");
            }

            sb.AppendLine();
        }

        foreach (var note in _notes)
        {
            sb.Append(ci, $"note: {note}").AppendLine();
        }

        return sb.ToString().TrimEnd();
    }

    private static int IndexOfMin(ModelComparisonRow[] rows, Func<ModelComparisonRow, double> pick)
    {
        var best = -1;
        for (var i = 0; i < rows.Length; i++)
        {
            var v = pick(rows[i]);
            if (double.IsFinite(v) && (best < 0 || v < pick(rows[best])))
            {
                best = i;
            }
        }

        return best;
    }
}
