using ScalingLaws.Plotting.Internal;
using ScottPlot;

namespace ScalingLaws.Plotting;

/// <summary>
/// Pictures of training runs under learning-rate schedules: the loss against step (observed points and, with a fit, the
/// predicted curve) above the schedule itself, one colour per run. PNG or SVG by the file extension.
/// </summary>
/// <example><code>
/// LossCurveFit fit = LossCurveFitter.FitMultiPowerLaw(curves);
/// SchedulePlots.SaveLossCurves(curves, "curves.png", fit);
/// </code></example>
public static class SchedulePlots
{
    private const int MaxPointsPerCurve = 400;

    /// <summary>Creates a two-panel figure: loss against step (top) and learning rate against step (bottom).</summary>
    /// <param name="curves">The runs; at least one.</param>
    /// <param name="fit">A fit whose predictions are drawn as lines over each run's whole schedule, or <see langword="null"/>.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="PlotOptions.Default"/>.</param>
    /// <param name="predictedSchedules">Further schedules whose predicted loss curves (from <paramref name="fit"/>) are drawn
    /// dashed with their learning rates, for example candidates to compare; empty or <see langword="null"/> for none.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException"><paramref name="curves"/> is empty, or schedules are given without a fit.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static Multiplot CreateLossCurves(IReadOnlyList<LossCurve> curves, LossCurveFit? fit = null, PlotOptions? options = null,
        IReadOnlyList<LearningRateSchedule>? predictedSchedules = null)
    {
        ArgumentNullException.ThrowIfNull(curves);
        options ??= PlotOptions.Default;
        options.Validate();
        predictedSchedules ??= [];
        if (curves.Count == 0 && predictedSchedules.Count == 0)
        {
            throw new ArgumentException("Give at least one loss curve or predicted schedule.", nameof(curves));
        }

        if (predictedSchedules.Count > 0 && fit is null)
        {
            throw new ArgumentException("Predicted schedules need a fit to predict their loss curves.", nameof(predictedSchedules));
        }

        var losses = Look.NewPlot();
        var rates = Look.NewPlot();
        var palette = new ScottPlot.Palettes.Category10();
        losses.Title(options.Title ?? (fit is null
            ? "Loss curves and learning-rate schedules"
            : Look.Invariant($"Loss curves and the fitted {fit.Result.Law.Name} law ({fit.Result.Data.Count} points)")));
        losses.XLabel(options.XLabel ?? "training step");
        losses.YLabel(options.YLabel ?? "loss");
        rates.XLabel(options.XLabel ?? "training step");
        rates.YLabel("learning rate");

        var firstStep = curves.Count > 0 ? curves.Min(c => c.Steps[0]) : 0;
        var predictedLow = double.PositiveInfinity;
        for (var c = 0; c < curves.Count; c++)
        {
            var curve = curves[c];
            var color = palette.GetColor(c);
            var stride = Math.Max(1, curve.Count / MaxPointsPerCurve);
            var rows = Enumerable.Range(0, curve.Count).Where(i => i % stride == 0).ToArray();
            var points = losses.Add.ScatterPoints(rows.Select(i => (double)curve.Steps[i]).ToArray(), rows.Select(i => curve.Losses[i]).ToArray(), color.WithAlpha(0.55));
            points.MarkerSize = 4;
            points.LegendText = Look.Invariant($"{curve.Name} (observed)");
            if (fit is not null)
            {
                DrawPrediction(losses, fit, curve.Schedule, firstStep, color, LinePattern.Solid, Look.Invariant($"{curve.Name} (fitted)"));
            }

            DrawSchedule(rates, curve.Schedule, color, LinePattern.Solid, curve.Name);
        }

        for (var s = 0; s < predictedSchedules.Count; s++)
        {
            var schedule = predictedSchedules[s];
            var color = palette.GetColor(curves.Count + s);
            predictedLow = Math.Min(predictedLow, DrawPrediction(losses, fit!, schedule, firstStep, color, LinePattern.Dashed, Look.Invariant($"{schedule.Name} (predicted)")));
            DrawSchedule(rates, schedule, color, LinePattern.Dashed, schedule.Name);
        }

        // The loss axis shows the observed range (predictions during warmup start far higher).
        if (curves.Count > 0)
        {
            var low = Math.Min(curves.Min(c => c.Losses.Min()), predictedLow);
            var high = curves.Max(c => c.Losses.Max());
            var pad = 0.06 * (high - low);
            losses.Axes.SetLimitsY(low - pad, high + pad);
        }

        var figure = new Multiplot(losses);
        figure.AddPlot(rates);
        losses.ShowLegend(Alignment.UpperRight);
        losses.Legend.FontSize = Look.LegendSize;
        losses.Legend.FontName = Look.FontName;
        rates.HideLegend();
        var layout = new ScottPlot.MultiplotLayouts.DraggableRows();
        layout.SetHeights([options.Height * 0.66f, options.Height * 0.34f]);
        figure.Layout = layout;
        return figure;
    }

    /// <summary>Saves the figure of <see cref="CreateLossCurves"/> as PNG or SVG.</summary>
    /// <param name="curves">The runs.</param>
    /// <param name="path">The file to write; <c>.png</c> or <c>.svg</c>.</param>
    /// <param name="fit">A fit whose predictions are drawn, or <see langword="null"/>.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="PlotOptions.Default"/>.</param>
    /// <param name="predictedSchedules">Further schedules whose predicted curves are drawn, or <see langword="null"/>.</param>
    /// <returns>The full path of the written file.</returns>
    /// <exception cref="ArgumentException">The path has an unsupported extension or a missing folder, or the inputs are invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static string SaveLossCurves(IReadOnlyList<LossCurve> curves, string path, LossCurveFit? fit = null, PlotOptions? options = null,
        IReadOnlyList<LearningRateSchedule>? predictedSchedules = null)
    {
        PlotExport.GetFormat(path);
        options ??= PlotOptions.Default;
        var figure = CreateLossCurves(curves, fit, options, predictedSchedules);
        try
        {
            return PlotExport.Save(figure, path, options.Width, options.Height);
        }
        finally
        {
            foreach (var plot in figure.GetPlots())
            {
                plot.Dispose();
            }
        }
    }

    private static double DrawPrediction(Plot plot, LossCurveFit fit, LearningRateSchedule schedule, int firstStep, Color color, LinePattern pattern, string label)
    {
        var predicted = fit.PredictCurve(schedule);
        var stride = Math.Max(1, predicted.Length / 2000);
        var rows = Enumerable.Range(0, predicted.Length)
            .Where(i => i >= firstStep && (i % stride == 0 || i == predicted.Length - 1) && double.IsFinite(predicted[i])).ToArray();
        var line = plot.Add.ScatterLine(rows.Select(i => (double)i).ToArray(), rows.Select(i => predicted[i]).ToArray(), color);
        line.LineWidth = 2f;
        line.LinePattern = pattern;
        line.LegendText = label;
        return rows.Length > 0 ? rows.Min(i => predicted[i]) : double.PositiveInfinity;
    }

    private static void DrawSchedule(Plot plot, LearningRateSchedule schedule, Color color, LinePattern pattern, string label)
    {
        var stride = Math.Max(1, schedule.StepCount / 2000);
        var rows = Enumerable.Range(0, schedule.StepCount).Where(i => i % stride == 0 || i == schedule.StepCount - 1).ToArray();
        var line = plot.Add.ScatterLine(rows.Select(i => (double)i).ToArray(), rows.Select(i => schedule.Rates[i]).ToArray(), color);
        line.LineWidth = 2f;
        line.LinePattern = pattern;
        line.LegendText = label;
    }
}
