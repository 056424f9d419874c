using System.CommandLine;
using System.Globalization;

namespace ScalingLaws.Cli;

/// <summary>The data and fit arguments shared by <c>fit</c>, <c>predict</c> and <c>optimal</c>, and the code that turns them
/// into a fit.</summary>
internal sealed class FitSpec
{
    /// <summary>Creates the arguments; when the data are optional (the <c>optimal</c> command can take published parameters
    /// instead) the CSV argument and <c>--law</c> may be left out.</summary>
    public FitSpec(bool dataRequired = true)
    {
        if (!dataRequired)
        {
            Csv.Arity = ArgumentArity.ZeroOrOne;
            Law.Required = false;
        }
    }

    public Argument<string> Csv { get; } = new("csv")
    {
        Description = "CSV file with a header row (numbers in the invariant culture, comma-separated).",
    };

    public Option<string> Law { get; } = new("--law", "-l")
    {
        Description = "The law to fit, by name (see 'scaling-laws laws'), for example chinchilla.",
        Required = true,
    };

    public Option<string[]> Inputs { get; } = new("--x", "-x")
    {
        Description = "An input column: NAME=HEADER, for example N=\"Model Size\" (repeat for every column). NAME is the law's input or a name used by --derive.",
        Arity = ArgumentArity.OneOrMore,
        HelpName = "NAME=HEADER",
    };

    public Option<string[]> Derive { get; } = new("--derive", "-d")
    {
        Description = "A derived column: NAME=EXPRESSION over other columns with + - * / ^, parentheses, numbers, log, exp, sqrt, for example D=\"C/(6*N)\" (repeatable, in order).",
        Arity = ArgumentArity.OneOrMore,
        HelpName = "NAME=EXPR",
    };

    public Option<string> Target { get; } = new("--y", "-y")
    {
        Description = "The target column's header.",
        DefaultValueFactory = _ => "loss",
        HelpName = "HEADER",
    };

    public Option<string?> Weight { get; } = new("--weight")
    {
        Description = "Header of a weight column (inverse variances).",
        HelpName = "HEADER",
    };

    public Option<int> DropTop { get; } = new("--drop-top")
    {
        Description = "Drop the rows with the N largest targets before fitting (Epoch AI drops 5 on the Chinchilla data).",
        HelpName = "N",
    };

    public Option<string> Loss { get; } = new("--loss")
    {
        Description = "least-squares, huber (delta 1e-3) or huber:DELTA.",
        DefaultValueFactory = _ => "least-squares",
        HelpName = "LOSS",
    };

    public Option<bool> LogResiduals { get; } = new("--log-residuals")
    {
        Description = "Measure residuals as log(y) - log(f) (relative errors) instead of y - f.",
    };

    public Option<int> MaxIterations { get; } = new("--max-iterations")
    {
        Description = "Iteration limit per start.",
        DefaultValueFactory = _ => FitOptions.DefaultMaxIterations,
        HelpName = "N",
    };

    public Option<double> Confidence { get; } = new("--confidence")
    {
        Description = "Confidence level of intervals, strictly between 0 and 1.",
        DefaultValueFactory = _ => 0.95,
        HelpName = "LEVEL",
    };

    public Option<int> Bootstrap { get; } = new("--bootstrap")
    {
        Description = "Run a case bootstrap with this many resamples (0 for none).",
        HelpName = "RESAMPLES",
    };

    public Option<long> Seed { get; } = new("--seed")
    {
        Description = "Seed of the bootstrap; the same seed gives the same intervals.",
        HelpName = "SEED",
    };

    public void AddTo(Command command)
    {
        command.Add(Csv);
        foreach (var option in new Option[] { Law, Inputs, Derive, Target, Weight, DropTop, Loss, LogResiduals, MaxIterations, Confidence, Bootstrap, Seed })
        {
            command.Add(option);
        }
    }

    /// <summary>Reads the data, applies the filters and derived columns, and creates the law and the options.</summary>
    public (ScalingLaw Law, Observations Data, FitOptions Options, IReadOnlyList<(string Name, Expression Expression)> Derived) Load(ParseResult parse)
    {
        var path = parse.GetValue(Csv)!;
        var lawName = parse.GetValue(Law)!;
        if (!LawRegistry.TryCreate(lawName, out var law))
        {
            throw new UsageException($"unknown law '{lawName}'; the laws are: {string.Join(", ", LawRegistry.Names)} (see 'scaling-laws laws')");
        }

        var inputs = ParsePairs(parse.GetValue(Inputs) ?? [], "--x", "NAME=HEADER, for example N=\"Model Size\"");
        if (inputs.Count == 0)
        {
            throw new UsageException("give at least one input column with --x NAME=HEADER, for example --x N=\"Model Size\"");
        }

        var derived = ParsePairs(parse.GetValue(Derive) ?? [], "--derive", "NAME=EXPRESSION, for example D=\"C/(6*N)\"")
            .Select(p => (p.Key, ParseExpression(p.Key, p.Value)))
            .ToList();
        var dropTop = parse.GetValue(DropTop);
        if (dropTop < 0)
        {
            throw new UsageException(Invariant($"--drop-top must be 0 or more, not {dropTop}"));
        }

        if (!File.Exists(path))
        {
            throw new UsageException($"data file not found: {Path.GetFullPath(path)}");
        }

        var data = ObservationsCsv.Read(path, new CsvReadOptions
        {
            TargetColumn = parse.GetValue(Target)!,
            InputColumns = inputs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            WeightColumn = parse.GetValue(Weight),
        });
        if (dropTop > 0)
        {
            if (dropTop >= data.Count)
            {
                throw new UsageException(Invariant($"--drop-top {dropTop} would drop every row; the file has {data.Count}"));
            }

            data = data.DropLargestTargets(dropTop);
        }

        foreach (var (name, expression) in derived)
        {
            foreach (var variable in expression.Variables)
            {
                if (!data.HasColumn(variable))
                {
                    throw new UsageException($"--derive {name}={expression}: there is no column '{variable}'; the columns are {string.Join(", ", data.ColumnNames)} (name columns with --x)");
                }
            }

            var values = new double[data.Count];
            for (var i = 0; i < values.Length; i++)
            {
                var row = data.Row(i);
                values[i] = expression.Evaluate(v => row[v]);
                if (!double.IsFinite(values[i]))
                {
                    throw new UsageException(Invariant($"--derive {name}={expression} gives {values[i]} in data row {i + 1}"));
                }
            }

            data = data.WithColumn(name, values).WithProvenance($"{data.Provenance}; {name} = {expression}");
        }

        law = AdaptSingleInput(law, ref data);
        var missing = law.InputNames.Where(n => !data.HasColumn(n)).ToArray();
        if (missing.Length > 0)
        {
            throw new UsageException(
                $"law '{law.Name}' needs the input(s) {string.Join(", ", missing)} ({string.Join("; ", law.Inputs.Where(i => missing.Contains(i.Name)).Select(i => $"{i.Name}: {i.Description}"))}); give --x {missing[0]}=HEADER or --derive {missing[0]}=EXPRESSION");
        }

        LossFunction loss;
        try
        {
            loss = LossFunction.Parse(parse.GetValue(Loss)!);
        }
        catch (FormatException e)
        {
            throw new UsageException($"--loss: {e.Message}", e);
        }

        var options = FitOptions.Default with
        {
            Loss = loss,
            ResidualSpace = parse.GetValue(LogResiduals) ? ResidualSpace.Log : ResidualSpace.Linear,
            MaxIterations = parse.GetValue(MaxIterations),
            ConfidenceLevel = parse.GetValue(Confidence),
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new UsageException(FirstLine(e.Message), e);
        }

        var resamples = parse.GetValue(Bootstrap);
        if (resamples is < 0 or 1)
        {
            throw new UsageException(Invariant($"--bootstrap must be 0 (none) or at least 2, not {resamples}"));
        }

        return (law, data, options, derived);
    }

    /// <summary>Fits, with a progress bar over the starts on an interactive stderr.</summary>
    public static FitResult Fit(ScalingLaw law, Observations data, FitOptions options, TextWriter error)
    {
        using var bar = ProgressBar.Create(error, "fit");
        return ScalingLawFitter.Fit(law, data, bar.IsVisible ? options with { Progress = bar.Report } : options);
    }

    /// <summary>Runs the bootstrap when requested, with a progress bar on an interactive stderr.</summary>
    public BootstrapResult? RunBootstrap(ParseResult parse, FitResult fit, TextWriter error)
    {
        var resamples = parse.GetValue(Bootstrap);
        if (resamples == 0)
        {
            return null;
        }

        using var bar = ProgressBar.Create(error, "bootstrap");
        return ScalingLaws.Bootstrap.Run(fit, new BootstrapOptions
        {
            Resamples = resamples,
            Seed = parse.GetValue(Seed),
            Progress = bar.IsVisible ? bar.Report : null,
        });
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The first line of an exception message without .NET's " (Parameter 'x')" suffix.</summary>
    public static string FirstLine(string message)
    {
        var line = message.Split('\n')[0].Trim();
        return System.Text.RegularExpressions.Regex.Replace(line, @" \(Parameter '[^']*'\)$", string.Empty);
    }

    /// <summary>Parses NAME=VALUE pairs (the value may contain '=').</summary>
    public static List<KeyValuePair<string, string>> ParsePairs(IEnumerable<string> items, string option, string form)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var item in items)
        {
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == item.Length - 1)
            {
                throw new UsageException($"{option} '{item}' is not {form}");
            }

            var name = item[..equals].Trim();
            var value = item[(equals + 1)..].Trim();
            if (name.Length == 0 || value.Length == 0)
            {
                throw new UsageException($"{option} '{item}' is not {form}");
            }

            if (pairs.Any(p => p.Key == name))
            {
                throw new UsageException($"{option}: the name '{name}' is given twice");
            }

            pairs.Add(new KeyValuePair<string, string>(name, value));
        }

        return pairs;
    }

    /// <summary>Parses NAME=NUMBER pairs separated by commas or given as separate items, for example N=7e10,D=1.4e12.</summary>
    public static Dictionary<string, double> ParseNumbers(IEnumerable<string> items, string option)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var pair in ParsePairs(items.SelectMany(i => i.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), option, "NAME=NUMBER, for example N=7e10"))
        {
            if (!double.TryParse(pair.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw new UsageException($"{option} {pair.Key}={pair.Value}: '{pair.Value}' is not a finite number");
            }

            result[pair.Key] = value;
        }

        return result;
    }

    private static Expression ParseExpression(string name, string text)
    {
        try
        {
            return Expression.Parse(text);
        }
        catch (FormatException e)
        {
            throw new UsageException($"--derive {name}: {e.Message}", e);
        }
    }

    /// <summary>A single-input law fitted to data with one input column of another name uses that column (for example
    /// <c>--law power-law-plus-constant --x C=...</c> fits <c>y = E + A*C^(-alpha)</c>).</summary>
    private static ScalingLaw AdaptSingleInput(ScalingLaw law, ref Observations data)
    {
        if (law.Inputs.Count != 1 || data.HasColumn(law.InputNames[0]))
        {
            return law;
        }

        var column = data.ColumnNames[^1];
        if (data.ColumnNames.Count > 1)
        {
            throw new UsageException(
                $"law '{law.Name}' has one input, '{law.InputNames[0]}', but the data has columns {string.Join(", ", data.ColumnNames)}; name the input column {law.InputNames[0]} (--x {law.InputNames[0]}=HEADER)");
        }

        return law switch
        {
            SaturatingPowerLaw => new SaturatingPowerLaw(column),
            PowerLaw => new PowerLaw(column),
            _ => RenameData(law, ref data, column),
        };
    }

    private static ScalingLaw RenameData(ScalingLaw law, ref Observations data, string column)
    {
        data = data.RenameColumn(column, law.InputNames[0]);
        return law;
    }
}
