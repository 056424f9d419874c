using System.Globalization;
using CsvHelper;

namespace ScalingLaws;

/// <summary>Reads <see cref="Observations"/> from CSV files with a header row (RFC 4180, parsed by CsvHelper).</summary>
/// <remarks>
/// <para>Columns are chosen by header; other columns are ignored. Quoted fields (with separators, doubled quotes or line
/// breaks inside) and quoted headers are supported, a UTF-8 byte-order mark is skipped, spaces and tabs around fields are
/// removed, and empty (or whitespace-only) lines are skipped.</para>
/// <para>Every error is an <see cref="ArgumentException"/> whose message names the source (file), the line (1-based,
/// counting the header and every physical line) and the column: a missing column (the message lists the headers), a
/// requested header that appears twice, an empty or non-numeric cell (with its text), a number outside the range of
/// <see cref="double"/>, a row whose field count differs from the header's, malformed quoting, an empty input and a header
/// without data rows. The literals <c>NaN</c> and <c>Infinity</c> are read as such; the fitter rejects them later.</para>
/// </remarks>
public static class ObservationsCsv
{
    /// <summary>Reads the chosen columns of a CSV file. Other columns are ignored.</summary>
    /// <param name="path">Path of the file (UTF-8, with or without a byte-order mark).</param>
    /// <param name="options">Which columns to read.</param>
    /// <returns>The observations; <see cref="Observations.Provenance"/> names the file.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ArgumentException">The options are invalid, the file is empty or has no data rows, a column is
    /// missing (the message names the file and lists the headers), a requested header repeats, a cell is empty or not a
    /// number, or a row is ragged or badly quoted (the message names the file, line and column).</exception>
    /// <example><code>
    /// var data = ObservationsCsv.Read("svg_extracted_data.csv", new CsvReadOptions
    /// {
    ///     TargetColumn = "loss",
    ///     InputColumns = new Dictionary&lt;string, string&gt; { ["N"] = "Model Size", ["C"] = "Training FLOP" },
    /// });
    /// </code></example>
    public static Observations Read(string path, CsvReadOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(options);
        var readerOptions = CreateReaderOptions(options);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The CSV file '{path}' does not exist.", path);
        }

        using var csv = CsvReader.FromFile(path, readerOptions, FileOptions.SequentialScan);
        return ReadCore(csv, options, path, nameof(path));
    }

    /// <summary>Reads the chosen columns of CSV text. The reader is left open.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">Which columns to read.</param>
    /// <param name="sourceName">Name used in error messages and provenance (for example a file name).</param>
    /// <returns>The observations.</returns>
    /// <exception cref="ArgumentException">The options are invalid, the text is empty or has no data rows, a column is
    /// missing, a requested header repeats, a cell is empty or not a number, or a row is ragged or badly quoted (the message
    /// names <paramref name="sourceName"/>, the line and the column).</exception>
    public static Observations Read(TextReader reader, CsvReadOptions options, string sourceName = "CSV text")
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sourceName);
        var readerOptions = CreateReaderOptions(options);
        using var csv = CsvReader.Create(reader, readerOptions, leaveOpen: true);
        return ReadCore(csv, options, sourceName, nameof(reader));
    }

    private static CsvReaderOptions CreateReaderOptions(CsvReadOptions options) => new()
    {
        Separator = options.Validate(),
        HasHeader = true,
        Mode = CsvMode.Rfc4180,
        AllowLineBreaksInQuotes = true,
        SkipEmptyLines = true,
        TrimWhitespace = true,
        TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Throw,
        FieldCountMismatch = CsvFieldCountHandling.Allow, // checked here, to name the line and the counts
        MissingField = CsvMissingFieldHandling.ReturnEmpty,
        DetectSeparatorHint = false,
        FormatProvider = options.Culture,
    };

    private static Observations ReadCore(CsvReader csv, CsvReadOptions options, string source, string paramName)
    {
        string[] headers;
        try
        {
            headers = csv.Headers.Select(h => h.Trim()).ToArray();
        }
        catch (CsvFormatException e)
        {
            throw Malformed(e, source, paramName);
        }

        if (headers.Length == 0 || (headers.Length == 1 && headers[0].Length == 0))
        {
            throw new ArgumentException($"'{source}' is empty: a header row is required.", paramName);
        }

        var names = options.InputColumns.Keys.ToArray();
        var inputIndices = options.InputColumns.Select(kv => FindColumn(headers, kv.Value, $"input {kv.Key}", source)).ToArray();
        var targetIndex = FindColumn(headers, options.TargetColumn, "target", source);
        var weightIndex = options.WeightColumn is null ? -1 : FindColumn(headers, options.WeightColumn, "weights", source);
        var groupIndex = options.GroupColumn is null ? -1 : FindColumn(headers, options.GroupColumn, "groups", source);

        var columns = names.Select(_ => new List<double>()).ToArray();
        var target = new List<double>();
        var weights = weightIndex >= 0 ? new List<double>() : null;
        var groups = groupIndex >= 0 ? new List<string>() : null;
        var culture = options.Culture;
        while (true)
        {
            try
            {
                if (!csv.Read())
                {
                    break;
                }
            }
            catch (CsvFormatException e)
            {
                throw Malformed(e, source, paramName);
            }

            if (IsBlank(csv))
            {
                continue;
            }

            var line = csv.LineNumber;
            if (csv.FieldCount != headers.Length)
            {
                var hint = csv.FieldCount > headers.Length && options.Delimiter == culture.NumberFormat.NumberDecimalSeparator
                    ? $" The delimiter '{options.Delimiter}' is also the decimal separator of culture '{culture.Name}'; use another delimiter (for example ';')."
                    : string.Empty;
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"'{source}', line {line}: the row has {csv.FieldCount} fields but the header has {headers.Length}.{hint}"), paramName);
            }

            for (var j = 0; j < names.Length; j++)
            {
                columns[j].Add(ParseCell(csv, inputIndices[j], headers, culture, source, line, paramName));
            }

            target.Add(ParseCell(csv, targetIndex, headers, culture, source, line, paramName));
            if (weights is not null)
            {
                var weight = ParseCell(csv, weightIndex, headers, culture, source, line, paramName);
                if (!(weight > 0.0 && double.IsFinite(weight)))
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"'{source}', line {line}, column '{headers[weightIndex]}': the weight {weight} is not positive and finite; weights are inverse variances (drop the row instead of giving it weight 0)."), paramName);
                }

                weights.Add(weight);
            }
            groups?.Add(csv.GetString(groupIndex)?.Trim() ?? string.Empty);
        }

        if (target.Count == 0)
        {
            throw new ArgumentException($"'{source}' has a header but no data rows.", paramName);
        }

        var data = new Observations(names, columns.Select(c => c.ToArray()).ToArray(), target.ToArray(),
            weights?.ToArray(), groups?.ToArray(), options.TargetColumn);
        return data.WithProvenance(string.Create(CultureInfo.InvariantCulture,
            $"{source} ({target.Count} rows; {string.Join(", ", options.InputColumns.Select(kv => $"{kv.Key} = '{kv.Value}'"))}; target '{options.TargetColumn}')"));
    }

    /// <summary>A record that is a single whitespace-only field: a blank line that CsvHelper does not count as empty.</summary>
    private static bool IsBlank(CsvReader csv) => csv.FieldCount == 1 && csv.IsEmpty(0);

    private static int FindColumn(string[] headers, string header, string role, string source)
    {
        var wanted = header.Trim();
        var first = -1;
        for (var i = 0; i < headers.Length; i++)
        {
            if (!string.Equals(headers[i], wanted, StringComparison.Ordinal))
            {
                continue;
            }

            if (first >= 0)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"'{source}' has the column '{wanted}' ({role}) more than once (columns {first + 1} and {i + 1}); rename one of them."), "options");
            }

            first = i;
        }

        if (first >= 0)
        {
            return first;
        }

        var similar = headers.FirstOrDefault(h => string.Equals(h, wanted, StringComparison.OrdinalIgnoreCase));
        var hint = similar is null ? string.Empty : $" Did you mean '{similar}'? Headers are case-sensitive.";
        throw new ArgumentException(
            $"'{source}' has no column '{wanted}' ({role}); its columns are {string.Join(", ", headers.Select(h => $"'{h}'"))}.{hint}",
            "options");
    }

    private static double ParseCell(CsvReader csv, int index, string[] headers, CultureInfo culture, string source, long line, string paramName)
    {
        // Numbers are parsed here rather than by CsvReader.Parse<double>, which allows thousands separators: in a
        // comma-decimal culture it would read "1.5" as 15 instead of reporting it.
        var utf8 = csv.GetSpan(index);
        if (utf8.IsEmpty)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"'{source}', line {line}, column '{headers[index]}': the cell is empty."), paramName);
        }

        if (!double.TryParse(utf8, NumberStyles.Float, culture, out var value))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"'{source}', line {line}, column '{headers[index]}': '{csv.GetString(index)}' is not a number (culture '{culture.Name}')."), paramName);
        }

        if (double.IsInfinity(value) && utf8.IndexOfAnyInRange((byte)'0', (byte)'9') >= 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"'{source}', line {line}, column '{headers[index]}': '{csv.GetString(index)}' is outside the range of a double (about ±1.8e308)."), paramName);
        }

        return value;
    }

    private static ArgumentException Malformed(CsvFormatException e, string source, string paramName)
    {
        var where = e.LineNumber > 0
            ? string.Create(CultureInfo.InvariantCulture, $"line {e.LineNumber}")
            : string.Create(CultureInfo.InvariantCulture, $"record {e.RecordNumber}");
        return new ArgumentException($"'{source}', {where}: malformed CSV ({e.Message})", paramName, e);
    }
}
