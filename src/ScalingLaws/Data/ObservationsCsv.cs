using System.Globalization;

namespace ScalingLaws;

/// <summary>Reads <see cref="Observations"/> from CSV files with a header row (CsvHelper).</summary>
public static class ObservationsCsv
{
    /// <summary>Reads the chosen columns of a CSV file. Other columns are ignored.</summary>
    /// <param name="path">Path of the file.</param>
    /// <param name="options">Which columns to read.</param>
    /// <returns>The observations; <see cref="Observations.Provenance"/> names the file.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ArgumentException">The file is empty, a column is missing (the message names the file and lists the headers),
    /// a header repeats, or a cell is not a number (the message names the file, line and column).</exception>
    public static Observations Read(string path, CsvReadOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The CSV file '{path}' does not exist.", path);
        }

        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return Read(reader, options, path);
    }

    /// <summary>Reads the chosen columns of CSV text.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">Which columns to read.</param>
    /// <param name="sourceName">Name used in error messages and provenance (for example a file name).</param>
    /// <returns>The observations.</returns>
    /// <exception cref="ArgumentException">The text is empty, a column is missing, a header repeats, or a cell is not a number.</exception>
    public static Observations Read(TextReader reader, CsvReadOptions options, string sourceName = "CSV text")
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.InputColumns);
        ArgumentNullException.ThrowIfNull(options.TargetColumn);
        // TEMPORARY minimal reader (being replaced by the CsvHelper 34 implementation).
        var headerLine = reader.ReadLine();
        if (headerLine is null)
        {
            throw new ArgumentException($"'{sourceName}' is empty: a header row is required.", nameof(reader));
        }

        var headers = headerLine.Split(options.Delimiter).Select(h => h.Trim()).ToArray();
        var duplicate = headers.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);

        int Find(string header, string role)
        {
            var index = Array.IndexOf(headers, header);
            if (index < 0)
            {
                throw new ArgumentException(
                    $"'{sourceName}' has no column '{header}' ({role}); its columns are {string.Join(", ", headers.Select(h => $"'{h}'"))}.",
                    nameof(options));
            }

            if (duplicate is not null && string.Equals(duplicate.Key, header, StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{sourceName}' has the column '{header}' more than once.", nameof(options));
            }

            return index;
        }

        var names = options.InputColumns.Keys.ToArray();
        var inputIndices = options.InputColumns.Select(kv => Find(kv.Value, $"input {kv.Key}")).ToArray();
        var targetIndex = Find(options.TargetColumn, "target");
        var weightIndex = options.WeightColumn is null ? -1 : Find(options.WeightColumn, "weights");
        var groupIndex = options.GroupColumn is null ? -1 : Find(options.GroupColumn, "groups");
        var columns = names.Select(_ => new List<double>()).ToArray();
        var target = new List<double>();
        var weights = weightIndex >= 0 ? new List<double>() : null;
        var groups = groupIndex >= 0 ? new List<string>() : null;
        var line = 1;
        string[] fields = [];

        double Parse(int index, string header)
        {
            var text = index < fields.Length ? fields[index].Trim() : null;
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"'{sourceName}', line {line}, column '{header}': the cell is empty."), nameof(reader));
            }

            if (!double.TryParse(text, NumberStyles.Float, options.Culture, out var value))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"'{sourceName}', line {line}, column '{header}': '{text}' is not a number."), nameof(reader));
            }

            return value;
        }

        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            fields = text.Split(options.Delimiter);
            for (var j = 0; j < names.Length; j++)
            {
                columns[j].Add(Parse(inputIndices[j], headers[inputIndices[j]]));
            }

            target.Add(Parse(targetIndex, options.TargetColumn));
            weights?.Add(Parse(weightIndex, options.WeightColumn!));
            groups?.Add(groupIndex < fields.Length ? fields[groupIndex].Trim() : string.Empty);
        }

        if (target.Count == 0)
        {
            throw new ArgumentException($"'{sourceName}' has a header but no data rows.", nameof(reader));
        }

        var data = new Observations(names, columns.Select(c => c.ToArray()).ToArray(), target.ToArray(),
            weights?.ToArray(), groups?.ToArray(), options.TargetColumn);
        return data.WithProvenance(string.Create(CultureInfo.InvariantCulture,
            $"{sourceName} ({target.Count} rows; {string.Join(", ", options.InputColumns.Select(kv => $"{kv.Key} = '{kv.Value}'"))}; target '{options.TargetColumn}')"));
    }
}
