using System.Globalization;

namespace ScalingLaws;

/// <summary>Which columns of a CSV file to read, and how to parse them.</summary>
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

    /// <summary>Gets the culture used to parse numbers.</summary>
    /// <value>The default value is <see cref="CultureInfo.InvariantCulture"/>.</value>
    public CultureInfo Culture { get; init; } = CultureInfo.InvariantCulture;

    /// <summary>Gets the field delimiter.</summary>
    /// <value>The default value is <c>","</c>.</value>
    public string Delimiter { get; init; } = ",";
}
