using System.Globalization;
using System.Text;

namespace ScalingLaws;

/// <summary>A symmetric matrix indexed by parameter (a covariance or correlation matrix).</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class ParameterMatrix
{
    private readonly double[,] _values;
    private readonly string[] _names;

    internal ParameterMatrix(IReadOnlyList<string> names, double[,] values)
    {
        _names = [.. names];
        _values = (double[,])values.Clone();
    }

    /// <summary>Gets the parameter names labelling the rows and columns.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>Gets the number of rows (and columns).</summary>
    public int Size => _names.Length;

    /// <summary>Gets an entry by index.</summary>
    /// <param name="row">Zero-based row.</param>
    /// <param name="column">Zero-based column.</param>
    /// <returns>The entry.</returns>
    public double this[int row, int column] => _values[row, column];

    /// <summary>Gets an entry by parameter name.</summary>
    /// <param name="row">Row parameter name.</param>
    /// <param name="column">Column parameter name.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="ArgumentException">A name is unknown.</exception>
    public double this[string row, string column] => _values[IndexOf(row), IndexOf(column)];

    /// <summary>Returns a copy of the entries as a two-dimensional array.</summary>
    /// <returns>A new array.</returns>
    public double[,] ToArray() => (double[,])_values.Clone();

    /// <summary>Returns the matrix as an aligned table in the invariant culture.</summary>
    /// <returns>The table.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{string.Empty,10}");
        foreach (var n in _names)
        {
            sb.Append(CultureInfo.InvariantCulture, $" {n,12}");
        }

        sb.AppendLine();
        for (var i = 0; i < _names.Length; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{_names[i],10}");
            for (var j = 0; j < _names.Length; j++)
            {
                sb.Append(CultureInfo.InvariantCulture, $" {_values[i, j],12:G5}");
            }

            sb.AppendLine();
        }

        return sb.ToString();
    }

    private int IndexOf(string name)
    {
        var index = Array.IndexOf(_names, name);
        return index >= 0 ? index : throw new ArgumentException($"Unknown parameter '{name}'.", nameof(name));
    }
}
