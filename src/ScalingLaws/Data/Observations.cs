using System.Globalization;

namespace ScalingLaws;

/// <summary>
/// A set of observations to fit: named input columns (for example <c>N</c> and <c>D</c>), a target (for example the loss),
/// optional weights (inverse variances) and optional group labels (for example the training run each checkpoint belongs to).
/// </summary>
/// <remarks>
/// Columns are matched to a law's inputs by name. Every transformation (<see cref="Where"/>, <see cref="DropLargestTargets"/>,
/// <see cref="WithColumn"/>, ...) returns a new set and records itself in <see cref="Provenance"/>, so a fit can say exactly
/// which data it used.
/// </remarks>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class Observations
{
    private readonly string[] _names;
    private readonly double[][] _columns;
    private readonly double[] _target;
    private readonly double[]? _weights;
    private readonly string[]? _groups;

    /// <summary>Creates an observation set. Arrays are copied.</summary>
    /// <param name="columnNames">Names of the input columns.</param>
    /// <param name="columns">One array per input column, each as long as <paramref name="target"/>.</param>
    /// <param name="target">The observed values.</param>
    /// <param name="weights">Optional weights (inverse variances), positive and finite; <see langword="null"/> for equal weights.</param>
    /// <param name="groups">Optional group labels, one per row; <see langword="null"/> when rows are independent.</param>
    /// <param name="targetName">Name of the target (for reports).</param>
    /// <exception cref="ArgumentException">Names and columns differ in count, a name repeats or is empty, lengths differ,
    /// a weight is not positive and finite, or a group label is null.</exception>
    public Observations(IReadOnlyList<string> columnNames, IReadOnlyList<double[]> columns, double[] target,
        double[]? weights = null, string[]? groups = null, string targetName = "y")
        : this(columnNames, columns, target, weights, groups, targetName, "arrays", copy: true)
    {
    }

    private Observations(IReadOnlyList<string> columnNames, IReadOnlyList<double[]> columns, double[] target,
        double[]? weights, string[]? groups, string targetName, string provenance, bool copy)
    {
        ArgumentNullException.ThrowIfNull(columnNames);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentException.ThrowIfNullOrWhiteSpace(targetName);
        if (columnNames.Count != columns.Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"There are {columnNames.Count} column names but {columns.Count} columns."), nameof(columns));
        }

        var n = target.Length;
        for (var j = 0; j < columns.Count; j++)
        {
            if (string.IsNullOrWhiteSpace(columnNames[j]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Column name {j} is empty."), nameof(columnNames));
            }

            if (columns[j] is null)
            {
                throw new ArgumentNullException(nameof(columns), $"Column '{columnNames[j]}' is null.");
            }

            if (columns[j].Length != n)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Column '{columnNames[j]}' has {columns[j].Length} values but the target has {n}."), nameof(columns));
            }

            for (var k = 0; k < j; k++)
            {
                if (string.Equals(columnNames[k], columnNames[j], StringComparison.Ordinal))
                {
                    throw new ArgumentException($"The column name '{columnNames[j]}' is used twice.", nameof(columnNames));
                }
            }
        }

        if (weights is not null)
        {
            if (weights.Length != n)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"There are {weights.Length} weights but {n} target values."), nameof(weights));
            }

            for (var i = 0; i < n; i++)
            {
                if (!(weights[i] > 0.0 && double.IsFinite(weights[i])))
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"weights[{i}] = {weights[i]} is not positive and finite; weights are inverse variances (drop a row instead of giving it weight 0)."), nameof(weights));
                }
            }
        }

        if (groups is not null)
        {
            if (groups.Length != n)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"There are {groups.Length} group labels but {n} target values."), nameof(groups));
            }

            var missing = Array.FindIndex(groups, g => g is null);
            if (missing >= 0)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"groups[{missing}] is null."), nameof(groups));
            }
        }

        _names = [.. columnNames];
        _columns = copy ? columns.Select(c => (double[])c.Clone()).ToArray() : [.. columns];
        _target = copy ? (double[])target.Clone() : target;
        _weights = copy ? (double[]?)weights?.Clone() : weights;
        _groups = copy ? (string[]?)groups?.Clone() : groups;
        TargetName = targetName;
        Provenance = provenance;
    }

    /// <summary>Creates a set with a single input column.</summary>
    /// <param name="inputName">Name of the input column (it must match the law's input name, for example <c>x</c>).</param>
    /// <param name="x">Input values.</param>
    /// <param name="y">Observed values.</param>
    /// <param name="weights">Optional weights (inverse variances).</param>
    /// <returns>The observation set.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> and <paramref name="y"/> differ in length.</exception>
    public static Observations FromArrays(string inputName, double[] x, double[] y, double[]? weights = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Length != y.Length)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"x and y differ in length: {x.Length} and {y.Length}."), nameof(y));
        }

        return new Observations([inputName], [x], y, weights);
    }

    /// <summary>Gets the number of rows.</summary>
    public int Count => _target.Length;

    /// <summary>Gets the input column names.</summary>
    public IReadOnlyList<string> ColumnNames => _names;

    /// <summary>Gets the target values.</summary>
    public IReadOnlyList<double> Target => _target;

    /// <summary>Gets the name of the target.</summary>
    public string TargetName { get; }

    /// <summary>Gets the weights (inverse variances), or <see langword="null"/> for equal weights.</summary>
    public IReadOnlyList<double>? Weights => _weights;

    /// <summary>Gets the group labels, or <see langword="null"/>.</summary>
    public IReadOnlyList<string>? Groups => _groups;

    /// <summary>Gets a description of where the data came from and every filter applied to it.</summary>
    public string Provenance { get; }

    /// <summary>Gets a column by name.</summary>
    /// <param name="name">The column's name.</param>
    /// <returns>The column's values.</returns>
    /// <exception cref="ArgumentException">There is no such column.</exception>
    public IReadOnlyList<double> Column(string name) => _columns[IndexOfColumn(name)];

    /// <summary>Gets a value indicating whether a column exists.</summary>
    /// <param name="name">The column's name.</param>
    /// <returns><see langword="true"/> if the set has the column.</returns>
    public bool HasColumn(string name) => Array.IndexOf(_names, name) >= 0;

    /// <summary>Gets one row, for filters and derived columns.</summary>
    /// <param name="index">Zero-based row index.</param>
    /// <returns>A view of the row.</returns>
    public ObservationRow Row(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return new ObservationRow(this, index);
    }

    /// <summary>Returns a copy with a column added (or replaced).</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="values">One value per row.</param>
    /// <returns>The new set.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> has the wrong length.</exception>
    public Observations WithColumn(string name, double[] values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Column '{name}' has {values.Length} values but the set has {Count} rows."), nameof(values));
        }

        var names = _names.ToList();
        var columns = _columns.ToList();
        var existing = names.IndexOf(name);
        if (existing >= 0)
        {
            columns[existing] = (double[])values.Clone();
        }
        else
        {
            names.Add(name);
            columns.Add((double[])values.Clone());
        }

        return new Observations(names, columns, _target, _weights, _groups, TargetName, $"{Provenance}; column {name} added", copy: false);
    }

    /// <summary>Returns a copy with a column computed from each row (for example <c>D = C/(6N)</c>).</summary>
    /// <param name="name">The new column's name.</param>
    /// <param name="formula">Computes the value from a row.</param>
    /// <param name="description">How the column was derived, for <see cref="Provenance"/> (for example <c>C/(6*N)</c>).</param>
    /// <returns>The new set.</returns>
    public Observations WithDerivedColumn(string name, Func<ObservationRow, double> formula, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(formula);
        var values = new double[Count];
        for (var i = 0; i < Count; i++)
        {
            values[i] = formula(new ObservationRow(this, i));
        }

        var result = WithColumn(name, values);
        return result.WithProvenance($"{Provenance}; {name} = {description ?? "derived"}");
    }

    /// <summary>Returns a copy with a column renamed.</summary>
    /// <param name="name">The current name.</param>
    /// <param name="newName">The new name.</param>
    /// <returns>The new set.</returns>
    /// <exception cref="ArgumentException">There is no such column, or the new name is taken.</exception>
    public Observations RenameColumn(string name, string newName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(newName);
        var index = IndexOfColumn(name);
        if (HasColumn(newName) && !string.Equals(name, newName, StringComparison.Ordinal))
        {
            throw new ArgumentException($"A column named '{newName}' already exists.", nameof(newName));
        }

        var names = (string[])_names.Clone();
        names[index] = newName;
        return new Observations(names, _columns, _target, _weights, _groups, TargetName, $"{Provenance}; {name} renamed {newName}", copy: false);
    }

    /// <summary>Returns the rows for which <paramref name="predicate"/> holds.</summary>
    /// <param name="predicate">Decides whether a row is kept.</param>
    /// <param name="description">How the rows were chosen, for <see cref="Provenance"/>.</param>
    /// <returns>The new set.</returns>
    public Observations Where(Func<ObservationRow, bool> predicate, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var rows = new List<int>(Count);
        for (var i = 0; i < Count; i++)
        {
            if (predicate(new ObservationRow(this, i)))
            {
                rows.Add(i);
            }
        }

        return SelectRowsCore(rows.ToArray(), $"{Provenance}; kept {rows.Count} of {Count} rows where {description ?? "a predicate holds"}");
    }

    /// <summary>Returns the rows whose value in <paramref name="columnName"/> lies strictly between the bounds
    /// (for example Porian et al.'s <c>1e16 &lt; C &lt; 5e17</c>), or within them when <paramref name="inclusive"/> is set.</summary>
    /// <param name="columnName">The column to filter on.</param>
    /// <param name="lower">The lower bound; <see cref="double.NegativeInfinity"/> for none.</param>
    /// <param name="upper">The upper bound; <see cref="double.PositiveInfinity"/> for none.</param>
    /// <param name="inclusive">Whether rows equal to a bound are kept.</param>
    /// <returns>The new set.</returns>
    /// <exception cref="ArgumentException">There is no such column, or a bound is NaN, or <paramref name="lower"/> exceeds <paramref name="upper"/>.</exception>
    public Observations WhereInRange(string columnName, double lower, double upper, bool inclusive = false)
    {
        var column = _columns[IndexOfColumn(columnName, nameof(columnName))];
        if (double.IsNaN(lower) || double.IsNaN(upper) || lower > upper)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The range ({lower}, {upper}) for column '{columnName}' is empty or NaN."), nameof(lower));
        }

        var rows = Enumerable.Range(0, Count)
            .Where(i => inclusive ? column[i] >= lower && column[i] <= upper : column[i] > lower && column[i] < upper)
            .ToArray();
        var (open, close) = inclusive ? ("[", "]") : ("(", ")");
        return SelectRowsCore(rows, string.Create(CultureInfo.InvariantCulture,
            $"{Provenance}; kept {rows.Length} of {Count} rows with {columnName} in {open}{lower:G6}, {upper:G6}{close}"));
    }

    /// <summary>
    /// Drops the rows whose target is at least the <paramref name="count"/>-th largest target (so ties at the cut are dropped
    /// together). This is Epoch AI's filter for the Chinchilla data: keep rows with <c>loss &lt; sorted(loss)[−count]</c>.
    /// </summary>
    /// <param name="count">How many of the largest targets to drop; 0 keeps everything.</param>
    /// <returns>The new set.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or not smaller than <see cref="Count"/>.</exception>
    public Observations DropLargestTargets(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(count, Count);
        if (count == 0)
        {
            return this;
        }

        var sorted = (double[])_target.Clone();
        Array.Sort(sorted);
        var cut = sorted[^count];
        var rows = Enumerable.Range(0, Count).Where(i => _target[i] < cut).ToArray();
        return SelectRowsCore(rows, string.Create(CultureInfo.InvariantCulture,
            $"{Provenance}; dropped the {count} largest {TargetName} values (>= {cut})"));
    }

    /// <summary>Returns the given rows, in the given order; rows may repeat (as in a bootstrap resample).</summary>
    /// <param name="rows">Zero-based row indices.</param>
    /// <returns>The new set.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside the set.</exception>
    public Observations SelectRows(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var copy = rows.ToArray();
        foreach (var r in copy)
        {
            if (r < 0 || r >= Count)
            {
                throw new ArgumentOutOfRangeException(nameof(rows), r, string.Create(CultureInfo.InvariantCulture, $"Row index {r} is outside 0..{Count - 1}."));
            }
        }

        return SelectRowsCore(copy, string.Create(CultureInfo.InvariantCulture, $"{Provenance}; {copy.Length} selected rows"));
    }

    /// <summary>Returns a copy with weights (inverse variances) attached, replacing any existing ones.</summary>
    /// <param name="weights">One positive, finite weight per row, or <see langword="null"/> to remove weights.</param>
    /// <returns>The new set.</returns>
    public Observations WithWeights(double[]? weights)
        => new(_names, _columns, _target, weights is null ? null : (double[])weights.Clone(), _groups, TargetName, $"{Provenance}; weights set", copy: false);

    /// <summary>Returns a copy with group labels attached, replacing any existing ones.</summary>
    /// <param name="groups">One label per row, or <see langword="null"/> to remove them.</param>
    /// <returns>The new set.</returns>
    public Observations WithGroups(string[]? groups)
        => new(_names, _columns, _target, _weights, groups is null ? null : (string[])groups.Clone(), TargetName, $"{Provenance}; groups set", copy: false);

    /// <summary>Returns a copy whose <see cref="Provenance"/> is replaced by <paramref name="provenance"/>.</summary>
    /// <param name="provenance">The description of where the data came from.</param>
    /// <returns>The new set.</returns>
    public Observations WithProvenance(string provenance)
    {
        ArgumentNullException.ThrowIfNull(provenance);
        return new Observations(_names, _columns, _target, _weights, _groups, TargetName, provenance, copy: false);
    }

    /// <summary>Returns the number of rows, the columns and the provenance.</summary>
    /// <returns>A one-line summary.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Count} observations of {TargetName} over ({string.Join(", ", _names)}) from {Provenance}");

    /// <summary>Gets the index of a column, or throws naming the available columns.</summary>
    internal int IndexOfColumn(string name, string paramName = "name")
    {
        var index = Array.IndexOf(_names, name);
        if (index < 0)
        {
            throw new ArgumentException(
                $"There is no column '{name}'; the columns are: {string.Join(", ", _names.Select(n => $"'{n}'"))}.", paramName);
        }

        return index;
    }

    internal double[] TargetArray => _target;

    internal double[]? WeightArray => _weights;

    internal double[] ColumnArray(int index) => _columns[index];

    private Observations SelectRowsCore(int[] rows, string provenance)
    {
        var columns = _columns.Select(c => rows.Select(r => c[r]).ToArray()).ToArray();
        var target = rows.Select(r => _target[r]).ToArray();
        var weights = _weights is null ? null : rows.Select(r => _weights[r]).ToArray();
        var groups = _groups is null ? null : rows.Select(r => _groups[r]).ToArray();
        return new Observations(_names, columns, target, weights, groups, TargetName, provenance, copy: false);
    }
}
