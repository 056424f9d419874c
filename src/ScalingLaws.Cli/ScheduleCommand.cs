using System.CommandLine;
using System.Globalization;
using ScalingLaws.Plotting;

namespace ScalingLaws.Cli;

/// <summary><c>scaling-laws schedule</c>: learning-rate schedule features (forward area S1, annealing area S2) and predicted
/// loss curves from a loss-curve law, fitted to training curves or given as parameters.</summary>
/// <remarks>
/// A schedule is written <c>KIND:key=value,...</c>:
/// <c>constant:steps=24000,peak=3e-4,warmup=2160</c>;
/// <c>cosine:steps=24000,peak=3e-4,final=3e-5,warmup=2160</c>;
/// <c>linear:steps=24000,peak=3e-4,final=3e-5</c>;
/// <c>wsd:steps=24000,peak=3e-4,decay-start=20000,final=3e-5,shape=linear|cosine|exponential</c>;
/// <c>inverse-sqrt:steps=24000,peak=3e-4,timescale=2000</c>;
/// <c>csv:PATH</c> (columns step,lr). Any kind takes <c>name=...</c>.
/// </remarks>
internal static class ScheduleCommand
{
    private const string SpecHelp = "KIND:key=value,... with KIND constant|cosine|linear|wsd|inverse-sqrt (keys steps, peak, final, warmup, decay-start, shape, timescale, name) or csv:PATH, for example cosine:steps=24000,peak=3e-4,final=3e-5,warmup=2160";

    public static Command Create(CommandContext context)
    {
        var schedules = new Option<string[]>("--schedule", "-s")
        {
            Description = "A schedule to describe and predict: " + SpecHelp + " (repeatable).",
            Arity = ArgumentArity.OneOrMore,
            HelpName = "SPEC",
        };
        var train = new Option<string[]>("--train")
        {
            Description = "A training curve to fit: FILE@SPEC, where FILE has columns step,lr,loss and SPEC is its schedule (repeatable).",
            Arity = ArgumentArity.OneOrMore,
            HelpName = "FILE@SPEC",
        };
        var law = new Option<string>("--law")
        {
            Description = "The loss-curve law fitted to --train curves: multi-power or lr-annealing.",
            DefaultValueFactory = _ => "multi-power",
            HelpName = "LAW",
        };
        var annealing = new Option<string?>("--annealing")
        {
            Description = "Predict with the annealing law L = L0 + A*S1^(-alpha) - C*S2 and these parameters: L0=..,A=..,alpha=..,C=..",
            HelpName = "L0=..,A=..,alpha=..,C=..",
        };
        var every = new Option<int?>("--every")
        {
            Description = "Print a row every this many steps (default: a tenth of the schedule).",
            HelpName = "STEPS",
        };
        var plot = new Option<string?>("--plot") { Description = "Write the loss curves and schedules to this .png or .svg file.", HelpName = "FILE" };
        var command = new Command("schedule", "Learning-rate schedule features (S1, S2) and predicted loss curves.");
        foreach (var option in new Option[] { schedules, train, law, annealing, every, plot })
        {
            command.Add(option);
        }

        command.SetAction(parse =>
        {
            var specs = (parse.GetValue(schedules) ?? []).Select(ParseSchedule).ToList();
            var trainItems = parse.GetValue(train) ?? [];
            var plotPath = parse.GetValue(plot);
            if (plotPath is not null)
            {
                FitCommand.CheckPlotPath(plotPath, "--plot");
            }

            if (specs.Count == 0 && trainItems.Length == 0)
            {
                throw new UsageException("give --schedule SPEC (" + SpecHelp + ") or --train FILE@SPEC");
            }

            var output = context.Output;
            var curves = trainItems.Select(ReadCurve).ToList();
            LossCurveFit? fit = null;
            LossCurvePredictor? predictor = null;
            var annealingText = parse.GetValue(annealing);
            if (curves.Count > 0)
            {
                var lawName = parse.GetValue(law)!;
                fit = lawName.ToUpperInvariant() switch
                {
                    "MULTI-POWER" or "MPL" => LossCurveFitter.FitMultiPowerLaw(curves),
                    "LR-ANNEALING" or "ANNEALING" => LossCurveFitter.FitAnnealingLaw(curves),
                    _ => throw new UsageException($"--law '{lawName}' is not a loss-curve law; use multi-power or lr-annealing"),
                };
                output.WriteLine(fit.Result);
                output.WriteLine();
                foreach (var metrics in fit.Evaluate(curves))
                {
                    output.WriteLine(metrics);
                }

                output.WriteLine();
                predictor = fit.Predictor;
                if (!fit.Result.Converged)
                {
                    context.Error.WriteLine($"scaling-laws: error: the fit did not converge ({fit.Result.Diagnostics.Status}: {fit.Result.Diagnostics.Message})");
                    return Program.FitFailed;
                }
            }
            else if (annealingText is not null)
            {
                var values = FitSpec.ParseNumbers([annealingText], "--annealing");
                string[] names = ["L0", "A", "alpha", "C"];
                var extra = values.Keys.Where(k => !names.Contains(k)).ToArray();
                if (extra.Length > 0)
                {
                    throw new UsageException($"--annealing: unknown parameter {string.Join(", ", extra)}; the annealing law has L0, A, alpha and C");
                }

                var missing = names.Where(n => !values.ContainsKey(n)).ToArray();
                if (missing.Length > 0)
                {
                    throw new UsageException($"--annealing needs L0, A, alpha and C; missing {string.Join(", ", missing)}");
                }

                predictor = LossCurvePredictor.ForAnnealingLaw(names.Select(n => values[n]).ToArray());
            }

            var everySteps = parse.GetValue(every);
            if (everySteps is < 1)
            {
                throw new UsageException(FitSpec.Invariant($"--every {everySteps}: give a positive number of steps"));
            }

            foreach (var schedule in specs)
            {
                Describe(output, schedule, predictor, everySteps ?? 0);
            }

            if (predictor is not null && specs.Count > 1)
            {
                output.WriteLine("ranking by predicted final loss:");
                foreach (var score in predictor.RankSchedules(specs))
                {
                    output.WriteLine($"  {score}");
                }
            }

            if (plotPath is not null)
            {
                if (curves.Count == 0 && fit is null)
                {
                    throw new UsageException("--plot needs --train curves (their fit draws the predicted curves)");
                }

                SchedulePlots.SaveLossCurves(curves, plotPath, fit, predictedSchedules: specs);
                output.WriteLine($"wrote {plotPath}");
            }

            return Program.Success;
        });
        return command;
    }

    private static void Describe(TextWriter output, LearningRateSchedule schedule, LossCurvePredictor? predictor, int every)
    {
        var areas = ScheduleAreas.Compute(schedule);
        var ci = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(ci,
            $"{schedule.Name}: {schedule.StepCount} steps, warmup {schedule.WarmupSteps}, peak {schedule.PeakRate:G4}, final {schedule.FinalRate:G4}; S1 = {areas.ForwardArea[^1]:G6}, S2 = {areas.AnnealingArea[^1]:G6}"));
        var step = every > 0 ? every : Math.Max(1, schedule.StepCount / 10);
        var rows = Enumerable.Range(0, schedule.StepCount).Where(i => i % step == 0 || i == schedule.StepCount - 1).ToArray();
        var predicted = predictor?.Predict(schedule, rows);
        output.WriteLine($"  {"step",8} {"lr",12} {"S1",12} {"S2",12}{(predicted is null ? string.Empty : $" {"predicted loss",15}")}");
        for (var r = 0; r < rows.Length; r++)
        {
            var i = rows[r];
            output.WriteLine(string.Create(ci,
                $"  {i,8} {schedule.Rates[i],12:G5} {areas.ForwardArea[i],12:G6} {areas.AnnealingArea[i],12:G6}{(predicted is null ? string.Empty : $" {predicted[r],15:G6}")}"));
        }

        output.WriteLine();
    }

    private static LossCurve ReadCurve(string item)
    {
        var at = item.LastIndexOf('@');
        if (at <= 0 || at == item.Length - 1)
        {
            throw new UsageException($"--train '{item}' is not FILE@SPEC, for example cosine.csv@cosine:steps=24000,peak=3e-4,final=3e-5,warmup=2160");
        }

        var path = item[..at];
        if (!File.Exists(path))
        {
            throw new UsageException($"--train: loss-curve file not found: {Path.GetFullPath(path)}");
        }

        return LossCurve.ReadCsv(path, ParseSchedule(item[(at + 1)..]));
    }

    /// <summary>Parses a schedule written KIND:key=value,... or csv:PATH.</summary>
    public static LearningRateSchedule ParseSchedule(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new UsageException($"schedule '{text}' is not {SpecHelp}");
        }

        var kind = text[..colon].Trim().ToUpperInvariant();
        var rest = text[(colon + 1)..];
        if (kind == "CSV")
        {
            if (!File.Exists(rest))
            {
                throw new UsageException($"schedule file not found: {Path.GetFullPath(rest)}");
            }

            return LearningRateSchedule.ReadCsv(rest);
        }

        var keys = FitSpec.ParsePairs(rest.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), "schedule", "key=value")
            .ToDictionary(p => p.Key.ToUpperInvariant(), p => p.Value, StringComparer.Ordinal);
        string[] known = ["STEPS", "PEAK", "FINAL", "WARMUP", "DECAY-START", "SHAPE", "TIMESCALE", "NAME"];
        var unknown = keys.Keys.FirstOrDefault(k => !known.Contains(k));
        if (unknown is not null)
        {
            throw new UsageException($"schedule '{text}': unknown key '{unknown.ToLowerInvariant()}' (keys: steps, peak, final, warmup, decay-start, shape, timescale, name)");
        }

        double Number(string key, double? fallback = null)
        {
            if (!keys.TryGetValue(key, out var value))
            {
                return fallback ?? throw new UsageException($"schedule '{text}' needs {key.ToLowerInvariant()}=...");
            }

            return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
                ? number
                : throw new UsageException($"schedule '{text}': {key.ToLowerInvariant()}={value} is not a number");
        }

        int Integer(string key, int? fallback = null)
        {
            var value = Number(key, fallback);
            return value == Math.Floor(value) && value >= 0 && value <= int.MaxValue
                ? (int)value
                : throw new UsageException(FitSpec.Invariant($"schedule '{text}': {key.ToLowerInvariant()} must be a whole number of steps, not {value}"));
        }

        var steps = Integer("STEPS");
        var peak = Number("PEAK");
        var warmupSteps = Integer("WARMUP", 0);
        var warmup = warmupSteps > 0 ? Warmup.Linear(warmupSteps) : null;
        var schedule = kind switch
        {
            "CONSTANT" => LearningRateSchedule.Constant(steps, peak, warmup),
            "COSINE" => LearningRateSchedule.Cosine(steps, peak, Number("FINAL", 0.0), warmup),
            "LINEAR" => LearningRateSchedule.LinearDecay(steps, peak, Number("FINAL", 0.0), warmup),
            "WSD" => LearningRateSchedule.WarmupStableDecay(steps, peak, Integer("DECAY-START"), Number("FINAL", 0.0), ParseShape(keys, text), warmup),
            "INVERSE-SQRT" => LearningRateSchedule.InverseSquareRoot(steps, peak, Integer("TIMESCALE"), warmup),
            _ => throw new UsageException($"schedule '{text}': unknown kind '{text[..colon]}'; use constant, cosine, linear, wsd, inverse-sqrt or csv"),
        };
        return schedule.WithName(keys.TryGetValue("NAME", out var name) ? name : text);
    }

    private static DecayShape ParseShape(Dictionary<string, string> keys, string text)
    {
        if (!keys.TryGetValue("SHAPE", out var shape))
        {
            return DecayShape.Linear;
        }

        return Enum.TryParse<DecayShape>(shape, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new UsageException($"schedule '{text}': shape={shape} is not linear, cosine or exponential");
    }
}
