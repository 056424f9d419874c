using System.CommandLine;
using ScalingLaws.Plotting;

namespace ScalingLaws.Cli;

/// <summary><c>scaling-laws fit</c>: fit a law to a CSV file, print the result, and optionally write a JSON report and plots.</summary>
internal static class FitCommand
{
    public static Command Create(CommandContext context)
    {
        var spec = new FitSpec();
        var plot = new Option<string?>("--plot") { Description = "Write the data, the fitted law and its confidence band to this .png or .svg file.", HelpName = "FILE" };
        var residualsPlot = new Option<string?>("--residuals-plot") { Description = "Write the residuals plot to this .png or .svg file.", HelpName = "FILE" };
        var bootstrapPlot = new Option<string?>("--bootstrap-plot") { Description = "Write histograms of the bootstrap draws to this .png or .svg file (needs --bootstrap).", HelpName = "FILE" };
        var json = new Option<string?>("--json") { Description = "Write a JSON report (data provenance, settings, parameters, intervals, diagnostics) to this file.", HelpName = "FILE" };
        var groupBy = new Option<string?>("--group-by") { Description = "Colour the plot's points by this column, with one fitted curve per group (default: the first column other than the x axis, for multi-input laws).", HelpName = "COLUMN" };
        var xAxis = new Option<string?>("--x-axis") { Description = "The law input on the plot's x axis (default: the law's first input).", HelpName = "INPUT" };
        var extrapolate = new Option<double[]>("--extrapolate")
        {
            Description = "Draw the fitted law beyond the data: an x value for single-input laws, or a value of the group column (for example a compute budget such as 5.76e23) for multi-input laws.",
            Arity = ArgumentArity.OneOrMore,
            HelpName = "VALUE",
        };
        var size = new Option<string>("--size") { Description = "Plot size in pixels, WIDTHxHEIGHT.", DefaultValueFactory = _ => "1100x700", HelpName = "WxH" };
        var command = new Command("fit", "Fit a scaling law to a CSV file.");
        spec.AddTo(command);
        foreach (var option in new Option[] { plot, residualsPlot, bootstrapPlot, json, groupBy, xAxis, extrapolate, size })
        {
            command.Add(option);
        }

        command.SetAction(parse =>
        {
            var plotPath = parse.GetValue(plot);
            var residualsPath = parse.GetValue(residualsPlot);
            var bootstrapPath = parse.GetValue(bootstrapPlot);
            var jsonPath = parse.GetValue(json);
            var (width, height) = ParseSize(parse.GetValue(size)!);

            // Check every output path before the (possibly long) fit and bootstrap.
            foreach (var (path, option) in new[] { (plotPath, "--plot"), (residualsPath, "--residuals-plot"), (bootstrapPath, "--bootstrap-plot") })
            {
                if (path is not null)
                {
                    CheckPlotPath(path, option);
                }
            }

            if (jsonPath is not null)
            {
                CheckFolder(jsonPath, "--json");
            }

            if (bootstrapPath is not null && parse.GetValue(spec.Bootstrap) == 0)
            {
                throw new UsageException("--bootstrap-plot needs --bootstrap RESAMPLES");
            }

            var (law, data, options, _) = spec.Load(parse);
            var fit = FitSpec.Fit(law, data, options, context.Error);
            var output = context.Output;
            output.WriteLine($"Data: {data}");
            output.WriteLine();
            output.WriteLine(fit);
            var boot = fit.Converged ? spec.RunBootstrap(parse, fit, context.Error) : null;
            if (boot is not null)
            {
                output.WriteLine();
                output.WriteLine(boot);
            }

            if (jsonPath is not null)
            {
                var report = FitReport.FromFit(fit, boot) with { Command = context.CommandLine };
                File.WriteAllText(jsonPath, report.ToJson());
                output.WriteLine($"wrote {jsonPath}");
            }

            var extrapolations = parse.GetValue(extrapolate) ?? [];
            var plotOptions = FitPlotOptions.Default with
            {
                Width = width,
                Height = height,
                GroupBy = parse.GetValue(groupBy),
                XInput = parse.GetValue(xAxis),
                Bootstrap = boot,
                ExtrapolateTo = law.Inputs.Count == 1 && extrapolations.Length > 0 ? extrapolations.Max() : null,
                ExtrapolatedGroups = law.Inputs.Count > 1 ? extrapolations : [],
            };
            if (plotPath is not null)
            {
                FitPlots.SaveFit(fit, plotPath, plotOptions);
                output.WriteLine($"wrote {plotPath}");
            }

            if (residualsPath is not null)
            {
                FitPlots.SaveResiduals(fit, residualsPath, plotOptions);
                output.WriteLine($"wrote {residualsPath}");
            }

            if (bootstrapPath is not null && boot is not null)
            {
                FitPlots.SaveBootstrap(boot, bootstrapPath, PlotOptions.Default with { Width = width, Height = height });
                output.WriteLine($"wrote {bootstrapPath}");
            }

            if (!fit.Converged)
            {
                context.Error.WriteLine($"scaling-laws: error: the fit did not converge ({fit.Diagnostics.Status}: {fit.Diagnostics.Message})");
                return Program.FitFailed;
            }

            return Program.Success;
        });
        return command;
    }

    public static void CheckPlotPath(string path, string option)
    {
        try
        {
            PlotExport.GetFormat(path);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"{option}: {FitSpec.FirstLine(e.Message)}", e);
        }
    }

    public static void CheckFolder(string path, string option)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
        {
            throw new UsageException($"{option}: the folder '{folder}' does not exist");
        }
    }

    public static (int Width, int Height) ParseSize(string text)
    {
        var parts = text.Split('x', 'X');
        if (parts.Length == 2 && int.TryParse(parts[0], out var w) && int.TryParse(parts[1], out var h)
            && w >= PlotExport.MinimumSize && h >= PlotExport.MinimumSize && w <= PlotExport.MaximumSize && h <= PlotExport.MaximumSize)
        {
            return (w, h);
        }

        throw new UsageException(FitSpec.Invariant(
            $"--size '{text}' is not WIDTHxHEIGHT with both between {PlotExport.MinimumSize} and {PlotExport.MaximumSize}, for example 1100x700"));
    }
}
