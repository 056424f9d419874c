using System.Globalization;
using ScalingLaws.Plotting.Internal;
using ScottPlot;

namespace ScalingLaws.Plotting;

/// <summary>
/// Pictures of a fit: the data with the fitted law, its confidence band and its extrapolation on log-log axes; the
/// residuals; and the bootstrap distributions of the parameters. Each <c>Create…</c> method returns a ScottPlot object you
/// can restyle; each <c>Save…</c> method writes PNG or SVG, chosen by the file extension.
/// </summary>
/// <remarks>
/// <para><b>Axes.</b> An axis is logarithmic when all its values are positive (ScottPlot 5 has no log axis, so log10 values
/// are plotted and the ticks are labelled with the values: powers of ten over wide ranges, 1-2-5 steps over narrow ones such as a
/// loss axis from 1.8 to 5). Axis labels give each input's name and description (its units) and say "log scale".</para>
/// <para><b>Single-input laws</b> (for example <see cref="SaturatingPowerLaw"/>): the data, the fitted curve over the data's
/// range with its confidence band, and, with <see cref="FitPlotOptions.ExtrapolateTo"/>, the curve continued as a dashed red
/// line with its own band over a shaded "extrapolated" region, and the value at that point labelled with its interval.</para>
/// <para><b>Multi-input laws</b> (for example <see cref="ChinchillaLaw"/> in N and D): the target against one input
/// (<see cref="FitPlotOptions.XInput"/>, default the first), with points coloured by a grouping column
/// (<see cref="FitPlotOptions.GroupBy"/>, for example the compute C, binned into at most
/// <see cref="FitPlotOptions.MaxGroups"/> groups) and one fitted curve per group at the group's geometric-mean value. The
/// other inputs along a curve come from <see cref="FitPlotOptions.CurveInputs"/> or, by default, from a least-squares model
/// over all rows, <c>log input = a + b·log x + c·log g</c>, which is exact for constructions such as <c>D = C/(6N)</c>.
/// <see cref="FitPlotOptions.ExtrapolatedGroups"/> adds dashed red curves at new group values (for example a larger compute
/// budget) with their confidence bands and minima.</para>
/// <para><b>Bands</b> come from <see cref="Extrapolation"/>: the delta method on the fit's covariance, or percentiles over
/// <see cref="FitPlotOptions.Bootstrap"/> draws. No band is drawn when neither is available.</para>
/// </remarks>
/// <example><code>
/// FitResult fit = ScalingLawFitter.Fit(new ChinchillaLaw(), data, options);
/// FitPlots.SaveFit(fit, "chinchilla.png", FitPlotOptions.Default with { GroupBy = "C", ExtrapolatedGroups = [5.76e23] });
/// FitPlots.SaveResiduals(fit, "residuals.svg");
/// </code></example>
public static class FitPlots
{
    private const int CurvePoints = 240;

    /// <summary>Creates the plot of the data, the fitted law, its confidence band and any extrapolation.</summary>
    /// <param name="fit">The fit to draw.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="FitPlotOptions.Default"/>.</param>
    /// <returns>The plot (render it with <see cref="PlotExport.Save(Plot, string, int, int)"/> or ScottPlot's own methods).</returns>
    /// <exception cref="ArgumentException">An input or column named in the options does not exist, or an extrapolation
    /// point is outside the input's domain.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static Plot CreateFit(FitResult fit, FitPlotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        options ??= FitPlotOptions.Default;
        options.Validate();
        var layout = FitLayout.Create(fit, options);
        var plot = Look.NewPlot(options.Title ?? DefaultTitle(fit), options.XLabel ?? layout.XLabel, options.YLabel ?? layout.YLabel,
            layout.LogX, layout.LogY);

        if (fit.Law.Inputs.Count == 1)
        {
            DrawSingleInput(plot, fit, layout, options);
        }
        else
        {
            DrawGrouped(plot, fit, layout, options);
        }

        Look.ShowLegendOutside(plot);
        return plot;
    }

    /// <summary>Saves the plot of <see cref="CreateFit"/> as PNG or SVG.</summary>
    /// <param name="fit">The fit to draw.</param>
    /// <param name="path">The file to write; <c>.png</c> or <c>.svg</c>.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="FitPlotOptions.Default"/>.</param>
    /// <returns>The full path of the written file.</returns>
    /// <exception cref="ArgumentException">The path has an unsupported extension or a missing folder, or an option names
    /// an input or column that does not exist.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static string SaveFit(FitResult fit, string path, FitPlotOptions? options = null)
    {
        PlotExport.GetFormat(path);
        options ??= FitPlotOptions.Default;
        using var plot = CreateFit(fit, options);
        return PlotExport.Save(plot, path, options.Width, options.Height);
    }

    /// <summary>Creates the plot of the residuals (in the fit's residual space) against the x input, coloured like
    /// <see cref="CreateFit"/>, with the zero line and, for Huber fits, the threshold ±δ.</summary>
    /// <param name="fit">The fit.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="FitPlotOptions.Default"/>; the extrapolation
    /// and band options are ignored.</param>
    /// <returns>The plot.</returns>
    /// <exception cref="ArgumentException">An input or column named in the options does not exist.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static Plot CreateResiduals(FitResult fit, FitPlotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        options ??= FitPlotOptions.Default;
        options.Validate();
        var layout = FitLayout.Create(fit, options);
        var space = fit.Options.ResidualSpace;
        var plot = Look.NewPlot(
            options.Title ?? Look.Invariant(
                $"Residuals of the {fit.Law.Name} fit ({fit.Options.Loss} on {space.ToString().ToLowerInvariant()} residuals, n = {fit.Data.Count})"),
            options.XLabel ?? layout.XLabel,
            options.YLabel ?? (space == ResidualSpace.Log
                ? Look.Invariant($"residual: ln(observed) − ln(fitted) {fit.Data.TargetName}")
                : Look.Invariant($"residual: observed − fitted {fit.Data.TargetName}")),
            layout.LogX,
            logY: false);

        var residuals = fit.Residuals;
        var zero = plot.Add.HorizontalLine(0.0, 1.5f, Look.NeutralColor);
        zero.ExcludeFromLegend = true;
        if (fit.Options.Loss.Kind == LossKind.Huber)
        {
            var delta = fit.Options.Loss.Delta;
            var upper = plot.Add.HorizontalLine(delta, 1.2f, Look.ExtrapolationColor, LinePattern.Dashed);
            upper.LegendText = Look.Invariant($"Huber threshold ±δ = ±{delta:G3}");
            plot.Add.HorizontalLine(-delta, 1.2f, Look.ExtrapolationColor, LinePattern.Dashed).ExcludeFromLegend = true;
        }

        foreach (var (group, color) in layout.GroupsWithColors())
        {
            var xs = group.Rows.Select(r => layout.X(layout.XValues[r])).ToArray();
            var ys = group.Rows.Select(r => residuals[r]).ToArray();
            var points = plot.Add.ScatterPoints(xs, ys, color);
            points.MarkerSize = 7;
            points.LegendText = group.Label;
        }

        Look.ShowLegendOutside(plot);
        return plot;
    }

    /// <summary>Saves the plot of <see cref="CreateResiduals"/> as PNG or SVG.</summary>
    /// <param name="fit">The fit.</param>
    /// <param name="path">The file to write; <c>.png</c> or <c>.svg</c>.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="FitPlotOptions.Default"/>.</param>
    /// <returns>The full path of the written file.</returns>
    /// <exception cref="ArgumentException">The path has an unsupported extension or a missing folder, or an option names
    /// an input or column that does not exist.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static string SaveResiduals(FitResult fit, string path, FitPlotOptions? options = null)
    {
        PlotExport.GetFormat(path);
        options ??= FitPlotOptions.Default;
        using var plot = CreateResiduals(fit, options);
        return PlotExport.Save(plot, path, options.Width, options.Height);
    }

    /// <summary>Creates a grid of histograms, one per free parameter, of the bootstrap draws, with the point estimate (solid
    /// line) and the percentile interval (dashed lines). Log-scaled parameters (such as A and B of the Chinchilla law) are drawn
    /// on a log axis.</summary>
    /// <param name="bootstrap">The bootstrap result.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="PlotOptions.Default"/>.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">The bootstrap has fewer than two successful resamples.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static Multiplot CreateBootstrap(BootstrapResult bootstrap, PlotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bootstrap);
        options ??= PlotOptions.Default;
        options.Validate();
        if (bootstrap.SuccessfulResamples < 2)
        {
            throw new ArgumentException(Look.Invariant(
                $"The bootstrap has {bootstrap.SuccessfulResamples} successful resamples; at least 2 are needed for a histogram."), nameof(bootstrap));
        }

        var fit = bootstrap.Fit;
        var level = options.ConfidenceLevel ?? fit.Options.ConfidenceLevel;
        var free = Enumerable.Range(0, fit.ParameterNames.Count).Where(k => !fit.IsFixed[k]).ToArray();
        var columns = free.Length <= 3 ? free.Length : (free.Length == 4 ? 2 : 3);
        var rows = (free.Length + columns - 1) / columns;
        var plots = new List<Plot>();
        for (var i = 0; i < free.Length; i++)
        {
            var k = free[i];
            var name = fit.ParameterNames[k];
            var draws = bootstrap.Distribution(name).Where(double.IsFinite).ToArray();
            var estimate = fit.Parameters[k];
            var interval = bootstrap.Interval(name, level, BootstrapIntervalMethod.Percentile);
            var log = fit.Law.Parameters[k].Scale == ParameterScale.Log && draws.All(v => v > 0.0) && estimate > 0.0;
            Func<double, double> t = log ? Math.Log10 : v => v;
            var plot = Look.NewPlot();
            var values = draws.Select(t).ToArray();
            var histogram = ScottPlot.Statistics.Histogram.WithBinCount(Math.Clamp(draws.Length / 25, 10, 50), values);
            plot.Add.Histogram(histogram, Look.FitColor.WithAlpha(0.55));
            var edges = histogram.Edges;
            var pad = 0.04 * (edges[^1] - edges[0]);
            var line = plot.Add.VerticalLine(t(estimate), 2f, Look.DataColor);
            line.LegendText = "estimate";
            if (interval.IsFinite && (!log || interval.Lower > 0.0))
            {
                var lower = plot.Add.VerticalLine(t(interval.Lower), 1.5f, Look.ExtrapolationColor, LinePattern.Dashed);
                lower.LegendText = Look.Invariant($"{level * 100:G6}% percentile interval");
                plot.Add.VerticalLine(t(interval.Upper), 1.5f, Look.ExtrapolationColor, LinePattern.Dashed).ExcludeFromLegend = true;
            }

            if (log)
            {
                Look.UseLogTicks(plot.Axes.Bottom);
            }

            var symbol = Look.Symbol(name);
            plot.Title(Look.Invariant(
                $"{symbol} = {Look.Number(estimate)}  [{Look.Number(interval.Lower)}, {Look.Number(interval.Upper)}]"), Look.LabelSize);
            plot.XLabel(Look.Invariant($"{symbol}: {fit.Law.Parameters[k].Description}{(log ? " (log scale)" : string.Empty)}"), Look.TickSize);
            plot.YLabel(Look.Invariant($"resamples (of {draws.Length})"), Look.TickSize);
            var lowX = Math.Min(edges[0], t(estimate)) - pad;
            var highX = Math.Max(edges[^1], t(estimate)) + pad;
            if (interval.IsFinite && (!log || interval.Lower > 0.0))
            {
                lowX = Math.Min(lowX, t(interval.Lower) - pad);
                highX = Math.Max(highX, t(interval.Upper) + pad);
            }

            plot.Axes.SetLimitsX(lowX, highX);
            plot.Axes.SetLimitsY(0.0, histogram.Counts.Max() * 1.25);
            plots.Add(plot);
        }

        // Multiplot copies the first subplot's style onto the others, so legends are set after all are added.
        var figure = new Multiplot(plots[0]);
        foreach (var plot in plots.Skip(1))
        {
            figure.AddPlot(plot);
        }

        for (var i = 0; i < plots.Count; i++)
        {
            if (i == 0)
            {
                plots[i].ShowLegend(Alignment.UpperRight);
                plots[i].Legend.FontSize = 11;
                plots[i].Legend.FontName = Look.FontName;
            }
            else
            {
                plots[i].HideLegend();
            }
        }

        figure.Layout = new ScottPlot.MultiplotLayouts.Grid(rows, columns);
        return figure;
    }

    /// <summary>Saves the figure of <see cref="CreateBootstrap"/> as PNG or SVG.</summary>
    /// <param name="bootstrap">The bootstrap result.</param>
    /// <param name="path">The file to write; <c>.png</c> or <c>.svg</c>.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="PlotOptions.Default"/>.</param>
    /// <returns>The full path of the written file.</returns>
    /// <exception cref="ArgumentException">The path has an unsupported extension or a missing folder, or the bootstrap has
    /// fewer than two successful resamples.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static string SaveBootstrap(BootstrapResult bootstrap, string path, PlotOptions? options = null)
    {
        PlotExport.GetFormat(path);
        options ??= PlotOptions.Default;
        var figure = CreateBootstrap(bootstrap, options);
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

    private static string DefaultTitle(FitResult fit)
    {
        var parameters = string.Join(", ", fit.ParameterNames.Select((name, k) => Look.Invariant(
            $"{Look.Symbol(name)} = {Look.Number(fit.Parameters[k])}")));
        return Look.Invariant(
            $"{fit.Law.Name}: {Look.Pretty(fit.Law.Formula)}\n{parameters}\n(n = {fit.Data.Count}, {fit.Options.Loss} on {fit.Options.ResidualSpace.ToString().ToLowerInvariant()} residuals)");
    }

    private static void DrawSingleInput(Plot plot, FitResult fit, FitLayout layout, FitPlotOptions options)
    {
        var dataMin = layout.XValues.Min();
        var dataMax = layout.XValues.Max();
        var low = dataMin;
        var high = dataMax;
        if (options.ExtrapolateTo is { } target)
        {
            if (layout.LogX && !(target > 0.0))
            {
                throw new ArgumentException(Look.Invariant(
                    $"FitPlotOptions.ExtrapolateTo = {target} is not positive, but the x input '{layout.XName}' is drawn on a log axis."), nameof(options));
            }

            low = Math.Min(low, target);
            high = Math.Max(high, target);
        }

        DrawDataPoints(plot, layout, fit);
        var grid = Grid(layout, low, high, CurvePoints);
        var predictions = Predict(fit, grid.Select(x => new[] { x }).ToArray(), options);
        var inside = grid.Select(x => x >= dataMin * (1 - 1e-12) && x <= dataMax * (1 + 1e-12)).ToArray();
        var level = predictions.Length > 0 ? predictions[0].ConfidenceLevel : fit.Options.ConfidenceLevel;

        DrawCurve(plot, layout, grid, predictions, inside, Look.FitColor, LinePattern.Solid,
            Look.Invariant($"fitted {fit.Law.Name}"), options.ShowConfidenceBand ? BandLabel(level, options) : null);
        if (low < dataMin)
        {
            var before = grid.Select(x => x <= dataMin).ToArray();
            DrawExtrapolatedRegion(plot, layout, low, dataMin, "extrapolated region");
            DrawCurve(plot, layout, grid, predictions, before, Look.ExtrapolationColor, LinePattern.Dashed,
                "extrapolation", options.ShowConfidenceBand ? "extrapolation band" : null);
        }

        if (high > dataMax)
        {
            var after = grid.Select(x => x >= dataMax).ToArray();
            DrawExtrapolatedRegion(plot, layout, dataMax, high, low < dataMin ? null : "extrapolated region");
            DrawCurve(plot, layout, grid, predictions, after, Look.ExtrapolationColor, LinePattern.Dashed,
                low < dataMin ? null : "extrapolation", options.ShowConfidenceBand && !(low < dataMin) ? "extrapolation band" : null);
        }

        if (options.ExtrapolateTo is { } at && (at < dataMin || at > dataMax))
        {
            var p = Predict(fit, [[at]], options)[0];
            MarkPoint(plot, layout, at, p, Look.Invariant($"{layout.XName} = {Look.Number(at, 3)}: "));
        }
    }

    private static void DrawGrouped(Plot plot, FitResult fit, FitLayout layout, FitPlotOptions options)
    {
        var model = CurveInputModel.Create(fit.Law, fit.Data, layout.XIndex, layout.GroupValues, options.CurveInputs);
        var dataMin = layout.XValues.Min();
        var dataMax = layout.XValues.Max();
        ScottPlot.Plottables.Scatter? lastLine = null;
        foreach (var (group, color) in layout.GroupsWithColors())
        {
            var points = plot.Add.ScatterPoints(
                group.Rows.Select(r => layout.X(layout.XValues[r])).ToArray(),
                group.Rows.Select(r => layout.Y(layout.Target[r])).ToArray(),
                color);
            points.MarkerSize = 7;
            points.LegendText = group.Label;

            // The fitted law along the group's own range of x, slightly widened so the curve's ends are visible.
            var gMin = group.Rows.Min(r => layout.XValues[r]);
            var gMax = group.Rows.Max(r => layout.XValues[r]);
            var (lo, hi) = Widen(layout, gMin, gMax, 0.08);
            var grid = Grid(layout, lo, hi, 80);
            var ys = grid.Select(x => fit.Law.Evaluate(fit.Parameters.ToArray(), model.Map(x, group.Value))).ToArray();
            var line = AddLine(plot, layout, grid, ys, color, LinePattern.Solid, 2f);
            line.LegendText = string.Empty;
            lastLine = line;
        }

        if (lastLine is not null)
        {
            lastLine.LegendText = "fitted law (one curve per group)";
        }

        // Extrapolated curves at new group values (for example a larger compute budget): dashed red with their bands.
        var extrapolatedLabelShown = false;
        foreach (var g in options.ExtrapolatedGroups)
        {
            var parameters = fit.Parameters.ToArray();
            double Curve(double x) => fit.Law.Evaluate(parameters, model.Map(x, g));
            var (searchLow, searchHigh) = layout.LogX ? (dataMin / 1e3, dataMax * 1e4) : (dataMin - (dataMax - dataMin), dataMax + (10 * (dataMax - dataMin)));
            var search = Grid(layout, searchLow, searchHigh, 600);
            var values = search.Select(Curve).ToArray();
            var best = Array.IndexOf(values, values.Where(double.IsFinite).DefaultIfEmpty(double.NaN).Min());
            double lo;
            double hi;
            if (best > 0 && best < search.Length - 1)
            {
                var xOpt = search[best];
                (lo, hi) = layout.LogX ? (xOpt / Math.Pow(10.0, 1.25), xOpt * Math.Pow(10.0, 1.25)) : (xOpt - (dataMax - dataMin), xOpt + (dataMax - dataMin));
            }
            else
            {
                (lo, hi) = (dataMin, layout.LogX ? dataMax * 100.0 : dataMax + (dataMax - dataMin));
            }

            var grid = Grid(layout, lo, hi, CurvePoints);
            var predictions = Predict(fit, grid.Select(x => model.Map(x, g)).ToArray(), options);
            var all = grid.Select(_ => true).ToArray();
            var groupName = layout.GroupName ?? "group";
            DrawCurve(plot, layout, grid, predictions, all, Look.ExtrapolationColor, LinePattern.Dashed,
                Look.Invariant($"extrapolated: {groupName} = {Look.Number(g, 3)}"),
                options.ShowConfidenceBand && !extrapolatedLabelShown ? BandLabel(predictions.Length > 0 ? predictions[0].ConfidenceLevel : fit.Options.ConfidenceLevel, options) : null);
            if (hi > dataMax && !extrapolatedLabelShown)
            {
                DrawExtrapolatedRegion(plot, layout, dataMax, hi, "beyond the data");
            }

            if (best > 0 && best < search.Length - 1)
            {
                var xOpt = search[best];
                var p = Predict(fit, [model.Map(xOpt, g)], options)[0];
                MarkPoint(plot, layout, xOpt, p, Look.Invariant($"minimum at {layout.XName} ≈ {Look.Number(xOpt, 3)}: "));
            }

            extrapolatedLabelShown = true;
        }

        if (model.MaxResidualStandardDeviation > 0.05 && options.CurveInputs is null)
        {
            var note = plot.Add.Annotation(Look.Invariant(
                $"curves use a log-linear model of the other inputs (residual sd {model.MaxResidualStandardDeviation:G2} decades)"), Alignment.LowerLeft);
            note.LabelFontSize = 11;
        }
    }

    private static void DrawDataPoints(Plot plot, FitLayout layout, FitResult fit)
    {
        foreach (var (group, color) in layout.GroupsWithColors())
        {
            var points = plot.Add.ScatterPoints(
                group.Rows.Select(r => layout.X(layout.XValues[r])).ToArray(),
                group.Rows.Select(r => layout.Y(layout.Target[r])).ToArray(),
                color);
            points.MarkerSize = 7;
            points.LegendText = layout.Groups.Length == 1 ? Look.Invariant($"data (n = {fit.Data.Count})") : group.Label;
        }
    }

    private static void DrawCurve(Plot plot, FitLayout layout, double[] grid, Prediction[] predictions, bool[] mask, Color color,
        LinePattern pattern, string? label, string? bandLabel)
    {
        var indices = Enumerable.Range(0, grid.Length).Where(i => mask[i] && double.IsFinite(layout.Y(predictions[i].Value))).ToArray();
        if (indices.Length < 2)
        {
            return;
        }

        if (bandLabel is not null)
        {
            var band = indices.Where(i => double.IsFinite(layout.Y(predictions[i].ConfidenceLower)) && double.IsFinite(layout.Y(predictions[i].ConfidenceUpper))).ToArray();
            if (band.Length >= 2)
            {
                var fill = plot.Add.FillY(
                    band.Select(i => layout.X(grid[i])).ToArray(),
                    band.Select(i => layout.Y(predictions[i].ConfidenceLower)).ToArray(),
                    band.Select(i => layout.Y(predictions[i].ConfidenceUpper)).ToArray());
                fill.FillColor = color.WithAlpha(0.18);
                fill.LineWidth = 0;
                fill.LegendText = bandLabel;
            }
        }

        var line = AddLine(plot, layout, indices.Select(i => grid[i]).ToArray(), indices.Select(i => predictions[i].Value).ToArray(), color, pattern, 2.5f);
        line.LegendText = label ?? string.Empty;
    }

    private static ScottPlot.Plottables.Scatter AddLine(Plot plot, FitLayout layout, double[] xs, double[] ys, Color color, LinePattern pattern, float width)
    {
        var finite = Enumerable.Range(0, xs.Length).Where(i => double.IsFinite(layout.Y(ys[i]))).ToArray();
        var line = plot.Add.ScatterLine(finite.Select(i => layout.X(xs[i])).ToArray(), finite.Select(i => layout.Y(ys[i])).ToArray(), color);
        line.LineWidth = width;
        line.LinePattern = pattern;
        return line;
    }

    private static void DrawExtrapolatedRegion(Plot plot, FitLayout layout, double from, double to, string? label)
    {
        var span = plot.Add.HorizontalSpan(layout.X(from), layout.X(to), Look.ExtrapolatedRegionColor);
        span.LineWidth = 0;
        span.EnableAutoscale = false;
        span.LegendText = label ?? string.Empty;
        plot.MoveToBack(span);
    }

    private static void MarkPoint(Plot plot, FitLayout layout, double x, Prediction p, string prefix)
    {
        var marker = plot.Add.Marker(layout.X(x), layout.Y(p.Value), MarkerShape.FilledDiamond, 12f, Look.ExtrapolationColor);
        var interval = double.IsFinite(p.ConfidenceLower) && double.IsFinite(p.ConfidenceUpper)
            ? Look.Invariant($" [{Look.Number(p.ConfidenceLower)}, {Look.Number(p.ConfidenceUpper)}]")
            : string.Empty;
        marker.LegendText = Look.Invariant($"{prefix}{layout.TargetName} = {Look.Number(p.Value)}{interval}");
    }

    private static string BandLabel(double level, FitPlotOptions options) => Look.Invariant(
        $"{level * 100:G6}% confidence band ({(options.Bootstrap is null ? "delta method" : "bootstrap")})");

    private static Prediction[] Predict(FitResult fit, double[][] points, FitPlotOptions options)
    {
        var names = fit.Law.InputNames;
        var columns = names.Select((_, k) => points.Select(p => p[k]).ToArray()).ToArray();
        var rows = new Observations(names, columns, new double[points.Length]);
        var level = options.ConfidenceLevel ?? fit.Options.ConfidenceLevel;
        var predictions = options.Bootstrap is { SuccessfulResamples: > 0 } boot
            ? fit.Extrapolate(rows, boot.Samples, level)
            : fit.Extrapolate(rows);
        if (options.Bootstrap is null && options.ConfidenceLevel is { } custom && custom != fit.Options.ConfidenceLevel)
        {
            predictions = points.Select(p => fit.Extrapolate(p, custom)).ToArray();
        }

        return [.. predictions];
    }

    private static double[] Grid(FitLayout layout, double low, double high, int count)
    {
        if (layout.LogX)
        {
            var a = Math.Log10(low);
            var b = Math.Log10(high);
            return Enumerable.Range(0, count).Select(i => Math.Pow(10.0, a + ((b - a) * i / (count - 1)))).ToArray();
        }

        return Enumerable.Range(0, count).Select(i => low + ((high - low) * i / (count - 1))).ToArray();
    }

    private static (double Low, double High) Widen(FitLayout layout, double low, double high, double fraction)
    {
        if (layout.LogX)
        {
            var a = Math.Log10(low);
            var b = Math.Log10(high);
            var pad = Math.Max((b - a) * fraction, 0.05);
            return (Math.Pow(10.0, a - pad), Math.Pow(10.0, b + pad));
        }

        var linearPad = Math.Max((high - low) * fraction, 1e-9 * Math.Max(1.0, Math.Abs(high)));
        return (low - linearPad, high + linearPad);
    }

    /// <summary>What a fit plot shows: which input is on the x axis, how rows are grouped, and which axes are logarithmic.</summary>
    private sealed class FitLayout
    {
        public required int XIndex { get; init; }

        public required string XName { get; init; }

        public required string XLabel { get; init; }

        public required string YLabel { get; init; }

        public required string TargetName { get; init; }

        public required IReadOnlyList<double> XValues { get; init; }

        public required IReadOnlyList<double> Target { get; init; }

        public required PlotGroup[] Groups { get; init; }

        public required string? GroupName { get; init; }

        public required IReadOnlyList<double>? GroupValues { get; init; }

        public required bool LogX { get; init; }

        public required bool LogY { get; init; }

        public double X(double value) => LogX ? Look.Log10(value) : value;

        public double Y(double value) => LogY ? Look.Log10(value) : value;

        public IEnumerable<(PlotGroup Group, Color Color)> GroupsWithColors()
        {
            var colors = Groups.Length == 1 ? [Look.DataColor] : Look.Sequential(Groups.Length);
            return Groups.Select((g, i) => (g, colors[i]));
        }

        public static FitLayout Create(FitResult fit, FitPlotOptions options)
        {
            var law = fit.Law;
            var data = fit.Data;
            var xIndex = 0;
            if (options.XInput is not null)
            {
                xIndex = law.InputNames.ToList().IndexOf(options.XInput);
                if (xIndex < 0)
                {
                    throw new ArgumentException(
                        $"FitPlotOptions.XInput '{options.XInput}' is not an input of law '{law.Name}'; its inputs are {string.Join(", ", law.InputNames)}.", nameof(options));
                }
            }

            var input = law.Inputs[xIndex];
            var xValues = data.Column(input.Name);
            var groupName = options.GroupBy;
            if (groupName is null && law.Inputs.Count > 1)
            {
                groupName = data.ColumnNames.FirstOrDefault(c => c != input.Name);
            }

            if (groupName is not null && !data.HasColumn(groupName))
            {
                throw new ArgumentException(
                    $"FitPlotOptions.GroupBy '{groupName}' is not a column of the fitted data; its columns are {string.Join(", ", data.ColumnNames)}.", nameof(options));
            }

            if (groupName == input.Name)
            {
                throw new ArgumentException(
                    $"FitPlotOptions.GroupBy '{groupName}' is the x input; group by another column.", nameof(options));
            }

            var groupValues = groupName is null ? null : data.Column(groupName);
            var groups = groupValues is null
                ? [new PlotGroup(Enumerable.Range(0, data.Count).ToArray(), double.NaN, Look.Invariant($"data (n = {data.Count})"))]
                : Grouping.Create(groupName!, groupValues, options.MaxGroups);
            var logX = xValues.All(v => v > 0.0);
            var logY = data.Target.All(v => v > 0.0);
            return new FitLayout
            {
                XIndex = xIndex,
                XName = input.Name,
                XLabel = Look.Invariant($"{input.Name}: {input.Description}{(logX ? " (log scale)" : string.Empty)}"),
                YLabel = Look.Invariant($"{data.TargetName}{(logY ? " (log scale)" : string.Empty)}"),
                TargetName = data.TargetName,
                XValues = xValues,
                Target = data.Target,
                Groups = groups,
                GroupName = groupName,
                GroupValues = groupValues,
                LogX = logX,
                LogY = logY,
            };
        }
    }
}
