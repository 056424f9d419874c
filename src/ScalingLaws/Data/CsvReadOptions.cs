using System.Globalization;

namespace ScalingLaws;

/// <summary>Which columns of a CSV file to read, and how to parse them.</summary>
/// <remarks>
/// Headers are matched exactly (ordinal, case-sensitive) after surrounding whitespace is removed; a file that has a requested
/// header twice is rejected as ambiguous. Numbers are parsed with <see cref="NumberStyles.Float"/> in <see cref="Culture"/>
/// (no thousands separators, so <c>1.5</c> in a comma-decimal culture is an error rather than fifteen).
/// </remarks>
/// <example><code>
/// var options = new CsvReadOptions
/// {
///     TargetColumn = "loss",
///     InputColumns = new Dictionary&lt;string, string&gt; { ["N"] = "Model Size", ["C"] = "Training FLOP" },
/// };
/// </code></example>
public sealed record CsvReadOptions
{
    /// <summary>Gets the header of the target column (for example <c>loss</c>).</summary>
    public required string TargetColumn { get; init; }

    /// <summary>Gets the input columns to read: the key is the name the column gets in <see cref="Observations"/> (usually a
    /// law's input name such as <c>N</c>), the value is the CSV header (for example <c>Model Size</c>).</summary>
    public required IReadOnlyDictionary<string, string> InputColumns { get; init; }

    /// <summary>Gets the header of an optional weight column (inverse variances).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? WeightColumn { get; init; }

    /// <summary>Gets the header of an optional group column (for example the run each checkpoint belongs to).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? GroupColumn { get; init; }

    /// <summary>Gets the culture used to parse numbers (its decimal separator, sign and exponent symbols).</summary>
    /// <value>The default value is <see cref="CultureInfo.InvariantCulture"/>.</value>
    public CultureInfo Culture { get; init; } = CultureInfo.InvariantCulture;

    /// <summary>Gets the field delimiter: one printable ASCII character (or tab), other than the quote <c>"</c>.
    /// Use <c>";"</c> with a comma-decimal <see cref="Culture"/>.</summary>
    /// <value>The default value is <c>","</c>.</value>
    public string Delimiter { get; init; } = ",";

    /// <summary>Checks the options and returns the delimiter character.</summary>
    /// <exception cref="ArgumentException">A column name is empty, or the delimiter is not a single allowed character.</exception>
    /// <exception cref="ArgumentNullException">A required option is null.</exception>
    internal char Validate()
    {
        const string name = "options";
        if (TargetColumn is null || InputColumns is null || Culture is null || Delimiter is null)
        {
            throw new ArgumentNullException(name,
                "CsvReadOptions.TargetColumn, InputColumns, Culture and Delimiter must not be null.");
        }

        if (string.IsNullOrWhiteSpace(TargetColumn))
        {
            throw new ArgumentException("CsvReadOptions.TargetColumn is empty; give the header of the target column.", name);
        }

        foreach (var (key, header) in InputColumns)
        {
            if (string.IsNullOrWhiteSpace(key) || string.IsNullOrWhiteSpace(header))
            {
                throw new ArgumentException(
                    $"CsvReadOptions.InputColumns maps '{key}' to '{header}'; both the name and the header must be non-empty.", name);
            }
        }

        if (WeightColumn is not null && string.IsNullOrWhiteSpace(WeightColumn))
        {
            throw new ArgumentException("CsvReadOptions.WeightColumn is empty; use null for no weights.", name);
        }

        if (GroupColumn is not null && string.IsNullOrWhiteSpace(GroupColumn))
        {
            throw new ArgumentException("CsvReadOptions.GroupColumn is empty; use null for no groups.", name);
        }

        var ok = Delimiter.Length == 1 && (Delimiter[0] == '\t' || (Delimiter[0] > ' ' && Delimiter[0] < 127)) && Delimiter[0] != '"';
        if (!ok)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"CsvReadOptions.Delimiter '{Delimiter}' must be a single printable ASCII character or a tab, and not the quote '\"'."), name);
        }

        return Delimiter[0];
    }
}
