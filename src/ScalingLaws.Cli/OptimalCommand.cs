using System.CommandLine;
using ScalingLaws.Plotting;

namespace ScalingLaws.Cli;

/// <summary><c>scaling-laws optimal</c>: the compute-optimal model size and token count for a budget (or the budget for a
/// target loss) from a fitted Chinchilla-style law or from given parameters.</summary>
internal static class OptimalCommand
{
    private static readonly double[] DataBudgets = [1e19, 1e20, 1e21, 1e22];

    public static Command Create(CommandContext context)
    {
        var spec = new FitSpec(dataRequired: false);
        var compute = new Option<double[]>("--compute", "-c")
        {
            Description = "Compute budgets in FLOPs, for example 5.76e23 (repeatable).",
            Arity = ArgumentArity.OneOrMore,
            HelpName = "FLOPS",
        };
        var targetLoss = new Option<double[]>("--target-loss")
        {
            Description = "Target losses: print the compute and allocation that reach each (repeatable).",
            Arity = ArgumentArity.OneOrMore,
            HelpName = "LOSS",
        };
        var parameters = new Option<string?>("--parameters")
        {
            Description = "Use these parameters instead of fitting data: E=..,A=..,alpha=..,B=..,beta=.. (for example Hoffmann et al.'s E=1.69,A=406.4,alpha=0.34,B=410.7,beta=0.28).",
            HelpName = "E=..,A=..,...",
        };
        var flopsPerToken = new Option<double>("--flops-per-parameter-token")
        {
            Description = "k in C = k*N*D.",
            DefaultValueFactory = _ => ComputeOptimalAllocation.DefaultFlopsPerParameterToken,
            HelpName = "K",
        };
        var plot = new Option<string?>("--plot") { Description = "Write the compute-optimal frontier N_opt(C), D_opt(C) with its bands to this .png or .svg file.", HelpName = "FILE" };
        var isoFlopPlot = new Option<string?>("--isoflop-plot") { Description = "Write the fitted law's IsoFLOP curves (with the requested budgets) to this .png or .svg file.", HelpName = "FILE" };
        var command = new Command("optimal", "Compute-optimal parameters and tokens for a compute budget (Chinchilla-style laws).");
        spec.AddTo(command);
        foreach (var option in new Option[] { compute, targetLoss, parameters, flopsPerToken, plot, isoFlopPlot })
        {
            command.Add(option);
        }

        command.SetAction(parse =>
        {
            var budgets = parse.GetValue(compute) ?? [];
            var targets = parse.GetValue(targetLoss) ?? [];
            if (budgets.Length == 0 && targets.Length == 0)
            {
                throw new UsageException("give --compute FLOPS or --target-loss LOSS");
            }

            var bad = budgets.FirstOrDefault(b => !(b > 0.0 && double.IsFinite(b)), 1.0);
            if (bad != 1.0)
            {
                throw new UsageException(FitSpec.Invariant($"--compute {bad} is not a positive, finite number of FLOPs"));
            }

            var plotPath = parse.GetValue(plot);
            var isoPath = parse.GetValue(isoFlopPlot);
            if (plotPath is not null)
            {
                FitCommand.CheckPlotPath(plotPath, "--plot");
            }

            if (isoPath is not null)
            {
                FitCommand.CheckPlotPath(isoPath, "--isoflop-plot");
            }

            var k = parse.GetValue(flopsPerToken);
            var given = parse.GetValue(parameters);
            var csv = parse.GetValue(spec.Csv);
            ComputeOptimalAllocation allocation;
            FitResult? fit = null;
            BootstrapResult? boot = null;
            var output = context.Output;
            if (given is not null)
            {
                if (csv is not null)
                {
                    throw new UsageException("give either a CSV file to fit or --parameters, not both");
                }

                var values = FitSpec.ParseNumbers([given], "--parameters");
                string[] names = ["E", "A", "alpha", "B", "beta"];
                var missing = names.Where(n => !values.ContainsKey(n)).ToArray();
                if (missing.Length > 0 || values.Count != names.Length)
                {
                    throw new UsageException($"--parameters needs exactly E, A, alpha, B and beta{(missing.Length > 0 ? $"; missing {string.Join(", ", missing)}" : string.Empty)}");
                }

                allocation = ComputeOptimalAllocation.FromParameters(names.Select(n => values[n]).ToArray(), k);
                output.WriteLine($"parameters: {given} (no data: point values only)");
            }
            else
            {
                if (csv is null || parse.GetValue(spec.Law) is null)
                {
                    throw new UsageException("give a CSV file and --law (with --x, --y ...) to fit, or --parameters E=..,A=..,alpha=..,B=..,beta=..");
                }

                var (law, data, options, _) = spec.Load(parse);
                fit = FitSpec.Fit(law, data, options, context.Error);
                output.WriteLine(fit);
                if (!fit.Converged)
                {
                    context.Error.WriteLine($"scaling-laws: error: the fit did not converge ({fit.Diagnostics.Status}: {fit.Diagnostics.Message})");
                    return Program.FitFailed;
                }

                allocation = ComputeOptimalAllocation.FromFit(fit, k);
                boot = spec.RunBootstrap(parse, fit, context.Error);
            }

            output.WriteLine();
            output.WriteLine(allocation);
            var level = parse.GetValue(spec.Confidence);
            foreach (var c in budgets)
            {
                output.WriteLine();
                output.WriteLine(FitSpec.Invariant($"C = {c:G6} FLOPs:"));
                output.WriteLine(Estimate(allocation, c, null, boot, level));
            }

            foreach (var loss in targets)
            {
                output.WriteLine();
                output.WriteLine(FitSpec.Invariant($"target loss {loss:G6}:"));
                output.WriteLine(Estimate(allocation, null, loss, boot, level));
            }

            if (plotPath is not null)
            {
                var largest = budgets.Length > 0 ? budgets.Max() : 1e25;
                ComputeOptimalPlots.SaveFrontier(allocation, Math.Min(1e18, largest / 1e4), Math.Max(largest * 10.0, 1e19), plotPath,
                    PlotOptions.Default with { ConfidenceLevel = level }, boot?.Samples);
                output.WriteLine($"wrote {plotPath}");
            }

            if (isoPath is not null)
            {
                if (fit is null)
                {
                    throw new UsageException("--isoflop-plot needs a fit to data (a CSV file and --law), not --parameters");
                }

                ComputeOptimalPlots.SaveIsoFlop(fit, [.. DataBudgets, .. budgets], isoPath);
                output.WriteLine($"wrote {isoPath}");
            }

            return Program.Success;
        });
        return command;
    }

    private static ComputeOptimalEstimate Estimate(ComputeOptimalAllocation allocation, double? compute, double? loss, BootstrapResult? boot, double level)
    {
        if (allocation.Fit is null)
        {
            // Published parameters have no covariance: the estimate carries point values (NaN intervals).
            return compute is { } c0 ? allocation.Estimate(c0, level) : allocation.EstimateForLoss(loss!.Value, level);
        }

        if (boot is { SuccessfulResamples: >= 2 })
        {
            return compute is { } c1 ? allocation.Estimate(c1, boot.Samples, level) : allocation.EstimateForLoss(loss!.Value, boot.Samples, level);
        }

        return compute is { } c2 ? allocation.Estimate(c2, level) : allocation.EstimateForLoss(loss!.Value, level);
    }
}
