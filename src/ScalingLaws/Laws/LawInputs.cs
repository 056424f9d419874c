using System.Globalization;

namespace ScalingLaws;

/// <summary>
/// The input columns a <see cref="ScalingLaw"/> is evaluated on, in the order of <see cref="ScalingLaw.Inputs"/>,
/// with the natural logarithm of every strictly positive column computed once so that power terms
/// (<c>x^(−α) = exp(−α·log x)</c>) cost one exponential per point and iteration.
/// </summary>
/// <threadsafety>Immutable after construction; safe to share between threads.</threadsafety>
public sealed class LawInputs
{
    private readonly double[][] _columns;
    private readonly double[]?[] _logColumns;

    /// <summary>Creates the inputs from columns of equal length. The arrays are copied.</summary>
    /// <param name="columns">One array per law input, each with one value per observation.</param>
    /// <exception cref="ArgumentException">There are no columns, or the columns differ in length.</exception>
    public LawInputs(IReadOnlyList<double[]> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
        {
            throw new ArgumentException("At least one input column is required.", nameof(columns));
        }

        _columns = new double[columns.Count][];
        _logColumns = new double[columns.Count][];
        Count = columns[0]?.Length ?? throw new ArgumentNullException(nameof(columns), "Input column 0 is null.");
        for (var j = 0; j < columns.Count; j++)
        {
            var column = columns[j] ?? throw new ArgumentNullException(nameof(columns), string.Create(CultureInfo.InvariantCulture, $"Input column {j} is null."));
            if (column.Length != Count)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Input columns disagree in length: column 0 has {Count} values and column {j} has {column.Length}."), nameof(columns));
            }

            _columns[j] = (double[])column.Clone();
            _logColumns[j] = TryLog(column);
        }
    }

    private LawInputs(double[][] columns, double[]?[] logColumns, int count)
    {
        _columns = columns;
        _logColumns = logColumns;
        Count = count;
    }

    /// <summary>Gets the number of observations (rows).</summary>
    public int Count { get; }

    /// <summary>Gets the number of input columns.</summary>
    public int ColumnCount => _columns.Length;

    /// <summary>Gets one input column.</summary>
    /// <param name="index">Zero-based column index, in the order of <see cref="ScalingLaw.Inputs"/>.</param>
    /// <returns>The column's values.</returns>
    public ReadOnlySpan<double> Column(int index) => _columns[index];

    /// <summary>Gets the natural logarithm of one input column.</summary>
    /// <param name="index">Zero-based column index.</param>
    /// <returns>The logarithms of the column's values.</returns>
    /// <exception cref="InvalidOperationException">The column has a value that is not strictly positive.</exception>
    public ReadOnlySpan<double> LogColumn(int index) => _logColumns[index]
        ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
            $"Input column {index} has values that are not strictly positive, so it has no logarithm."));

    /// <summary>Creates inputs for a single point.</summary>
    /// <param name="values">One value per law input.</param>
    /// <returns>Inputs with one row.</returns>
    public static LawInputs SinglePoint(ReadOnlySpan<double> values)
    {
        var columns = new double[values.Length][];
        for (var j = 0; j < values.Length; j++)
        {
            columns[j] = [values[j]];
        }

        return new LawInputs(columns);
    }

    /// <summary>Creates inputs holding the given rows of these inputs, in the given order (rows may repeat).</summary>
    /// <param name="rows">Row indices.</param>
    /// <returns>The selected rows.</returns>
    public LawInputs SelectRows(ReadOnlySpan<int> rows)
    {
        var columns = new double[_columns.Length][];
        var logs = new double[]?[_columns.Length];
        for (var j = 0; j < _columns.Length; j++)
        {
            columns[j] = new double[rows.Length];
            var log = _logColumns[j];
            logs[j] = log is null ? null : new double[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                columns[j][i] = _columns[j][rows[i]];
                if (log is not null)
                {
                    logs[j]![i] = log[rows[i]];
                }
            }
        }

        return new LawInputs(columns, logs, rows.Length);
    }

    /// <summary>Copies the values of one row into <paramref name="destination"/>.</summary>
    /// <param name="row">Zero-based row index.</param>
    /// <param name="destination">Receives one value per column.</param>
    public void CopyRow(int row, Span<double> destination)
    {
        for (var j = 0; j < _columns.Length; j++)
        {
            destination[j] = _columns[j][row];
        }
    }

    private static double[]? TryLog(double[] column)
    {
        var log = new double[column.Length];
        for (var i = 0; i < column.Length; i++)
        {
            var v = column[i];
            if (!(v > 0.0) || double.IsPositiveInfinity(v))
            {
                return null;
            }

            log[i] = Math.Log(v);
        }

        return log;
    }
}
