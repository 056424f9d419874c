using System.CommandLine;

namespace ScalingLaws.Cli;

/// <summary><c>scaling-laws predict</c>: fit as <c>fit</c> does, then predict the law at new inputs with confidence and
/// prediction intervals (delta method, or bootstrap percentiles with <c>--bootstrap</c>).</summary>
internal static class PredictCommand
{
    public static Command Create(CommandContext context)
    {
        var spec = new FitSpec();
        var at = new Option<string[]>("--at")
        {
            Description = "A point to predict: NAME=VALUE pairs separated by commas, for example N=70e9,D=1.4e12 (repeatable). Inputs that --derive defines may be given through their sources (for example N and C).",
            Arity = ArgumentArity.OneOrMore,
            Required = true,
            HelpName = "N=..,D=..",
        };
        var command = new Command("predict", "Fit a law, then predict it at new inputs with confidence and prediction intervals.");
        spec.AddTo(command);
        command.Add(at);
        command.SetAction(parse =>
        {
            var points = (parse.GetValue(at) ?? []).Select(p => (Text: p, Values: FitSpec.ParseNumbers([p], "--at"))).ToArray();
            var (law, data, options, derived) = spec.Load(parse);
            var inputs = points.Select(p => Resolve(law, p.Text, p.Values, derived)).ToArray();
            var fit = FitSpec.Fit(law, data, options, context.Error);
            if (!fit.Converged)
            {
                context.Error.WriteLine($"scaling-laws: error: the fit did not converge ({fit.Diagnostics.Status}: {fit.Diagnostics.Message})");
                return Program.FitFailed;
            }

            var boot = spec.RunBootstrap(parse, fit, context.Error);
            var output = context.Output;
            output.WriteLine($"{law.Name}: {law.Formula}");
            output.WriteLine($"  {string.Join(", ", fit.ParameterNames.Select((n, k) => FitSpec.Invariant($"{n} = {fit.Parameters[k]:G6}")))} ({data.Count} observations)");
            for (var i = 0; i < points.Length; i++)
            {
                var prediction = boot is { SuccessfulResamples: >= 2 }
                    ? fit.Extrapolate(inputs[i], boot.Samples, options.ConfidenceLevel)
                    : fit.Extrapolate(inputs[i], options.ConfidenceLevel);
                var where = string.Join(", ", law.InputNames.Select((n, k) => FitSpec.Invariant($"{n}={inputs[i][k]:G6}")));
                output.WriteLine($"{where}: {data.TargetName} = {prediction}");
            }

            return Program.Success;
        });
        return command;
    }

    /// <summary>Turns NAME=VALUE pairs into one value per law input, computing derived inputs from their sources.</summary>
    public static double[] Resolve(ScalingLaw law, string text, Dictionary<string, double> values, IReadOnlyList<(string Name, Expression Expression)> derived)
    {
        var usable = new HashSet<string>(law.InputNames, StringComparer.Ordinal);
        foreach (var (name, expression) in derived)
        {
            usable.Add(name);
            usable.UnionWith(expression.Variables);
        }

        var unknown = values.Keys.Where(k => !usable.Contains(k)).ToArray();
        if (unknown.Length > 0)
        {
            throw new UsageException($"--at {text}: {string.Join(", ", unknown)} is neither an input of law '{law.Name}' ({string.Join(", ", law.InputNames)})"
                + (derived.Count > 0 ? $" nor a --derive name or source ({string.Join(", ", usable.Except(law.InputNames).Order(StringComparer.Ordinal))})" : string.Empty));
        }

        var known = new Dictionary<string, double>(values, StringComparer.Ordinal);
        foreach (var (name, expression) in derived)
        {
            if (!known.ContainsKey(name) && expression.Variables.All(known.ContainsKey))
            {
                known[name] = expression.Evaluate(v => known[v]);
            }
        }

        var missing = law.InputNames.Where(n => !known.ContainsKey(n)).ToArray();
        if (missing.Length > 0)
        {
            throw new UsageException($"--at {text}: give a value for {string.Join(", ", missing)} (law '{law.Name}' has inputs {string.Join(", ", law.InputNames)})");
        }

        return law.InputNames.Select(n => known[n]).ToArray();
    }
}
