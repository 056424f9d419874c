using ScalingLaws.Plotting.Internal;
using ScottPlot;

namespace ScalingLaws.Plotting;

/// <summary>
/// Pictures of compute-optimal scaling: the frontier <c>N_opt(C)</c>, <c>D_opt(C)</c> of a Chinchilla-style fit with its
/// confidence bands, and IsoFLOP curves (loss against parameter count at fixed compute) with their minima. PNG or SVG by
/// the file extension.
/// </summary>
/// <remarks>
/// <para>All axes are logarithmic except loss, which is logarithmic too when positive (as losses are). Compute beyond the
/// largest budget of the fitted data is shaded as extrapolated.</para>
/// </remarks>
/// <example><code>
/// var allocation = ComputeOptimalAllocation.FromFit(fit);
/// ComputeOptimalPlots.SaveFrontier(allocation, 1e18, 1e25, "frontier.png");
/// ComputeOptimalPlots.SaveIsoFlop(fit, [1e19, 1e20, 1e21, 5.76e23], "isoflop.png");
/// </code></example>
public static class ComputeOptimalPlots
{
    private const int CurvePoints = 200;

    /// <summary>Creates the plot of the compute-optimal parameter count and token count against compute.</summary>
    /// <param name="allocation">The allocation (for example <see cref="ComputeOptimalAllocation.FromFit"/>).</param>
    /// <param name="minimumCompute">The smallest compute to draw, in FLOPs; positive and finite.</param>
    /// <param name="maximumCompute">The largest compute to draw, in FLOPs; larger than <paramref name="minimumCompute"/>.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="PlotOptions.Default"/>.</param>
    /// <param name="parameterDraws">Parameter draws for percentile bands (for example <see cref="BootstrapResult.Samples"/>), or
    /// <see langword="null"/> for delta-method bands from the fit's covariance.</param>
    /// <param name="isoFlop">An IsoFLOP analysis whose empirical minima (N*, D*) are drawn as points, or <see langword="null"/>.</param>
    /// <returns>The plot.</returns>
    /// <exception cref="ArgumentException">The compute range is invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static Plot CreateFrontier(ComputeOptimalAllocation allocation, double minimumCompute, double maximumCompute,
        PlotOptions? options = null, IReadOnlyList<IReadOnlyList<double>>? parameterDraws = null, IsoFlopResult? isoFlop = null)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        options ??= PlotOptions.Default;
        options.Validate();
        CheckRange(minimumCompute, maximumCompute);
        var level = options.ConfidenceLevel ?? allocation.Fit?.Options.ConfidenceLevel ?? 0.95;
        var plot = Look.NewPlot(
            options.Title ?? Look.Invariant(
                $"Compute-optimal allocation: N_opt ∝ C^{allocation.ParameterCountExponent:F3}, D_opt ∝ C^{allocation.TokenCountExponent:F3} (C = {allocation.FlopsPerParameterToken:G3}·N·D)"),
            options.XLabel ?? "C: training compute (FLOPs, log scale)",
            options.YLabel ?? "compute-optimal count (log scale)",
            logX: true,
            logY: true);

        var grid = LogGrid(minimumCompute, maximumCompute, CurvePoints);
        var estimates = grid.Select(c => parameterDraws is null
            ? allocation.Estimate(c, level)
            : allocation.Estimate(c, parameterDraws, level)).ToArray();
        var source = parameterDraws is null ? "delta method" : "parameter draws";

        // The fitted data: every run's compute, and the region beyond the largest budget.
        if (allocation.Fit is { } fit && fit.Data.HasColumn("N") && fit.Data.HasColumn("D"))
        {
            var n = fit.Data.Column("N");
            var d = fit.Data.Column("D");
            var compute = n.Select((v, i) => allocation.FlopsPerParameterToken * v * d[i]).ToArray();
            var runs = plot.Add.ScatterPoints(compute.Select(Math.Log10).ToArray(), n.Select(Math.Log10).ToArray(), Look.NeutralColor.WithAlpha(0.35));
            runs.MarkerSize = 5;
            runs.LegendText = Look.Invariant($"fitted runs: N (n = {fit.Data.Count})");
            var largest = compute.Max();
            if (largest < maximumCompute)
            {
                var span = plot.Add.HorizontalSpan(Math.Log10(largest), Math.Log10(maximumCompute), Look.ExtrapolatedRegionColor);
                span.LineWidth = 0;
                span.EnableAutoscale = false;
                span.LegendText = "beyond the fitted compute";
            }
        }

        DrawBand(plot, grid, estimates.Select(e => e.ParameterCountInterval).ToArray(), Look.FitColor,
            Look.Invariant($"{level * 100:G6}% band ({source})"));
        DrawBand(plot, grid, estimates.Select(e => e.TokenCountInterval).ToArray(), Look.ExtrapolationColor, null);
        var nLine = plot.Add.ScatterLine(grid.Select(Math.Log10).ToArray(), estimates.Select(e => Math.Log10(e.Point.ParameterCount)).ToArray(), Look.FitColor);
        nLine.LineWidth = 2.5f;
        nLine.LegendText = "N_opt: parameters";
        var dLine = plot.Add.ScatterLine(grid.Select(Math.Log10).ToArray(), estimates.Select(e => Math.Log10(e.Point.TokenCount)).ToArray(), Look.ExtrapolationColor);
        dLine.LineWidth = 2.5f;
        dLine.LinePattern = LinePattern.Dashed;
        dLine.LegendText = "D_opt: training tokens";

        if (isoFlop is not null)
        {
            var used = isoFlop.Minima.Where((m, i) => m.HasMinimum && isoFlop.IsUsed[i]).ToArray();
            if (used.Length > 0)
            {
                var np = plot.Add.ScatterPoints(used.Select(m => Math.Log10(m.ComputeFlops)).ToArray(), used.Select(m => Math.Log10(m.ParameterCount)).ToArray(), Look.FitColor);
                np.MarkerShape = MarkerShape.OpenCircle;
                np.MarkerSize = 10;
                np.LegendText = "IsoFLOP minima N*";
                var dp = plot.Add.ScatterPoints(used.Select(m => Math.Log10(m.ComputeFlops)).ToArray(), used.Select(m => Math.Log10(m.TokenCount)).ToArray(), Look.ExtrapolationColor);
                dp.MarkerShape = MarkerShape.OpenSquare;
                dp.MarkerSize = 10;
                dp.LegendText = "IsoFLOP minima D*";
            }
        }

        Look.ShowLegendOutside(plot);
        return plot;
    }

    /// <summary>Saves the plot of <see cref="CreateFrontier"/> as PNG or SVG.</summary>
    /// <param name="allocation">The allocation.</param>
    /// <param name="minimumCompute">The smallest compute to draw, in FLOPs; positive and finite.</param>
    /// <param name="maximumCompute">The largest compute to draw, in FLOPs; larger than <paramref name="minimumCompute"/>.</param>
    /// <param name="path">The file to write; <c>.png</c> or <c>.svg</c>.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="PlotOptions.Default"/>.</param>
    /// <param name="parameterDraws">Parameter draws for percentile bands, or <see langword="null"/> for the delta method.</param>
    /// <param name="isoFlop">An IsoFLOP analysis whose minima are drawn, or <see langword="null"/>.</param>
    /// <returns>The full path of the written file.</returns>
    /// <exception cref="ArgumentException">The path has an unsupported extension or a missing folder, or the compute range is invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static string SaveFrontier(ComputeOptimalAllocation allocation, double minimumCompute, double maximumCompute, string path,
        PlotOptions? options = null, IReadOnlyList<IReadOnlyList<double>>? parameterDraws = null, IsoFlopResult? isoFlop = null)
    {
        PlotExport.GetFormat(path);
        options ??= PlotOptions.Default;
        using var plot = CreateFrontier(allocation, minimumCompute, maximumCompute, options, parameterDraws, isoFlop);
        return PlotExport.Save(plot, path, options.Width, options.Height);
    }

    /// <summary>Creates IsoFLOP curves of a fitted Chinchilla-style law: for every budget C, the loss
    /// <c>L(N, C/(k·N))</c> against N, with the compute-optimal point of each curve marked and the frontier through them.</summary>
    /// <param name="fit">A fit of a law with parameters E, A, alpha, B, beta and inputs N, D (for example <see cref="ChinchillaLaw"/>).</param>
    /// <param name="computeBudgets">The budgets C in FLOPs; each positive and finite. Budgets above the fitted data's largest are
    /// drawn dashed, as extrapolations.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="PlotOptions.Default"/>.</param>
    /// <returns>The plot.</returns>
    /// <exception cref="ArgumentException">The law is not Chinchilla-style, or a budget is invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static Plot CreateIsoFlop(FitResult fit, IReadOnlyList<double> computeBudgets, PlotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(computeBudgets);
        options ??= PlotOptions.Default;
        options.Validate();
        var allocation = ComputeOptimalAllocation.FromFit(fit);
        var budgets = CheckBudgets(computeBudgets);
        var k = allocation.FlopsPerParameterToken;
        var maxFitted = fit.Data.HasColumn("N") && fit.Data.HasColumn("D")
            ? fit.Data.Column("N").Select((v, i) => k * v * fit.Data.Column("D")[i]).Max()
            : double.PositiveInfinity;
        var nIndex = fit.Law.InputNames.ToList().IndexOf("N");
        var dIndex = fit.Law.InputNames.ToList().IndexOf("D");
        if (nIndex < 0 || dIndex < 0 || fit.Law.Inputs.Count != 2)
        {
            throw new ArgumentException($"IsoFLOP curves need a law of N and D; law '{fit.Law.Name}' has inputs {string.Join(", ", fit.Law.InputNames)}.", nameof(fit));
        }

        var plot = Look.NewPlot(
            options.Title ?? Look.Invariant($"IsoFLOP curves of the fitted {fit.Law.Name} law (D = C/({k:G3}·N))"),
            options.XLabel ?? "N: model parameters (log scale)",
            options.YLabel ?? Look.Invariant($"{fit.Data.TargetName} (log scale)"),
            logX: true,
            logY: true);
        var colors = Look.Sequential(budgets.Length);
        var parameters = fit.Parameters.ToArray();
        var optima = new List<ComputeOptimalPoint>();
        for (var b = 0; b < budgets.Length; b++)
        {
            var c = budgets[b];
            var optimum = allocation.Allocate(c);
            optima.Add(optimum);
            var grid = LogGrid(optimum.ParameterCount / 30.0, optimum.ParameterCount * 30.0, CurvePoints);
            var losses = grid.Select(n =>
            {
                var inputs = new double[2];
                inputs[nIndex] = n;
                inputs[dIndex] = c / (k * n);
                return fit.Law.Evaluate(parameters, inputs);
            }).ToArray();
            var extrapolated = c > maxFitted * (1 + 1e-9);
            var line = plot.Add.ScatterLine(grid.Select(Math.Log10).ToArray(), losses.Select(Look.Log10).ToArray(), extrapolated ? Look.ExtrapolationColor : colors[b]);
            line.LineWidth = 2f;
            line.LinePattern = extrapolated ? LinePattern.Dashed : LinePattern.Solid;
            line.LegendText = Look.Invariant($"C = {Look.Number(c, 3)} FLOPs{(extrapolated ? " (extrapolated)" : string.Empty)}");
            var marker = plot.Add.Marker(Math.Log10(optimum.ParameterCount), Math.Log10(optimum.Loss), MarkerShape.FilledDiamond, 11f,
                extrapolated ? Look.ExtrapolationColor : colors[b]);
            marker.LegendText = string.Empty;
        }

        var frontier = plot.Add.ScatterLine(optima.Select(o => Math.Log10(o.ParameterCount)).ToArray(), optima.Select(o => Math.Log10(o.Loss)).ToArray(), Look.NeutralColor);
        frontier.LinePattern = LinePattern.Dotted;
        frontier.LineWidth = 1.5f;
        frontier.MarkerSize = 0;
        frontier.LegendText = "compute-optimal N_opt (diamonds)";
        Look.ShowLegendOutside(plot);
        return plot;
    }

    /// <summary>Saves the plot of <see cref="CreateIsoFlop(FitResult, IReadOnlyList{double}, PlotOptions?)"/> as PNG or SVG.</summary>
    /// <param name="fit">A fit of a Chinchilla-style law of N and D.</param>
    /// <param name="computeBudgets">The budgets C in FLOPs.</param>
    /// <param name="path">The file to write; <c>.png</c> or <c>.svg</c>.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="PlotOptions.Default"/>.</param>
    /// <returns>The full path of the written file.</returns>
    /// <exception cref="ArgumentException">The path has an unsupported extension or a missing folder, the law is not
    /// Chinchilla-style, or a budget is invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static string SaveIsoFlop(FitResult fit, IReadOnlyList<double> computeBudgets, string path, PlotOptions? options = null)
    {
        PlotExport.GetFormat(path);
        options ??= PlotOptions.Default;
        using var plot = CreateIsoFlop(fit, computeBudgets, options);
        return PlotExport.Save(plot, path, options.Width, options.Height);
    }

    /// <summary>Creates the plot of an empirical IsoFLOP analysis: the runs of every budget (loss against N), the minimum of
    /// every budget's parabola, and the fitted <c>N* = k·C^a</c> read as a line through the minima in the (N, loss) plane.</summary>
    /// <param name="result">The analysis (<see cref="IsoFlopAnalysis.Analyze"/>).</param>
    /// <param name="computeFlops">The budget of every run, as passed to the analysis.</param>
    /// <param name="parameterCounts">The parameter count of every run.</param>
    /// <param name="losses">The loss of every run.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="PlotOptions.Default"/>.</param>
    /// <returns>The plot.</returns>
    /// <exception cref="ArgumentException">The lists differ in length or hold values that are not positive and finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static Plot CreateIsoFlop(IsoFlopResult result, IReadOnlyList<double> computeFlops, IReadOnlyList<double> parameterCounts,
        IReadOnlyList<double> losses, PlotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(computeFlops);
        ArgumentNullException.ThrowIfNull(parameterCounts);
        ArgumentNullException.ThrowIfNull(losses);
        options ??= PlotOptions.Default;
        options.Validate();
        if (computeFlops.Count != parameterCounts.Count || computeFlops.Count != losses.Count)
        {
            throw new ArgumentException(Look.Invariant(
                $"computeFlops, parameterCounts and losses must have the same length, not {computeFlops.Count}, {parameterCounts.Count} and {losses.Count}."), nameof(losses));
        }

        for (var i = 0; i < computeFlops.Count; i++)
        {
            if (!(computeFlops[i] > 0.0 && double.IsFinite(computeFlops[i]) && parameterCounts[i] > 0.0 && double.IsFinite(parameterCounts[i])
                && losses[i] > 0.0 && double.IsFinite(losses[i])))
            {
                throw new ArgumentException(Look.Invariant(
                    $"Row {i} (C = {computeFlops[i]}, N = {parameterCounts[i]}, loss = {losses[i]}) is not positive and finite."), nameof(computeFlops));
            }
        }

        var plot = Look.NewPlot(
            options.Title ?? Look.Invariant(
                $"IsoFLOP parabolas and minima: N* ∝ C^{result.ParameterCountFit.Exponent:F3}, D* ∝ C^{result.TokenCountFit.Exponent:F3}"),
            options.XLabel ?? "N: model parameters (log scale)",
            options.YLabel ?? "loss (log scale)",
            logX: true,
            logY: true);
        var minima = result.Minima;
        var colors = Look.Sequential(Math.Max(1, minima.Count));
        for (var b = 0; b < minima.Count; b++)
        {
            var m = minima[b];
            var rows = Enumerable.Range(0, computeFlops.Count).Where(i => Math.Abs(computeFlops[i] - m.ComputeFlops) <= 1e-9 * m.ComputeFlops).ToArray();
            var points = plot.Add.ScatterPoints(rows.Select(i => Math.Log10(parameterCounts[i])).ToArray(), rows.Select(i => Math.Log10(losses[i])).ToArray(), colors[b]);
            points.MarkerSize = 7;
            points.LegendText = Look.Invariant($"C = {Look.Number(m.ComputeFlops, 3)} ({rows.Length} runs)");

            // The fitted parabola across the sampled parameter counts of this budget.
            if (rows.Length >= 2)
            {
                var curveN = LogGrid(rows.Min(i => parameterCounts[i]), rows.Max(i => parameterCounts[i]), CurvePoints);
                var curve = curveN.Select(v => (N: v, Loss: m.ParabolaLoss(v))).Where(p => p.Loss > 0.0 && double.IsFinite(p.Loss)).ToArray();
                if (curve.Length >= 2)
                {
                    var parabola = plot.Add.ScatterLine(curve.Select(p => Math.Log10(p.N)).ToArray(), curve.Select(p => Math.Log10(p.Loss)).ToArray(), colors[b]);
                    parabola.MarkerSize = 0;
                    parabola.LineWidth = 1.5f;
                    parabola.LegendText = string.Empty;
                }
            }
            if (m.HasMinimum && double.IsFinite(m.Loss))
            {
                var marker = plot.Add.Marker(Math.Log10(m.ParameterCount), Math.Log10(m.Loss),
                    result.IsUsed[b] ? MarkerShape.FilledDiamond : MarkerShape.OpenDiamond, 13f, colors[b]);
                marker.LegendText = string.Empty;
            }
        }

        var used = minima.Where((m, i) => m.HasMinimum && result.IsUsed[i] && double.IsFinite(m.Loss)).ToArray();
        if (used.Length >= 2)
        {
            var line = plot.Add.ScatterLine(used.Select(m => Math.Log10(m.ParameterCount)).ToArray(), used.Select(m => Math.Log10(m.Loss)).ToArray(), Look.NeutralColor);
            line.LinePattern = LinePattern.Dotted;
            line.MarkerSize = 0;
            line.LegendText = "parabola minima (filled: used in the fit of N*)";
        }

        Look.ShowLegendOutside(plot);
        return plot;
    }

    /// <summary>Saves the plot of <see cref="CreateIsoFlop(IsoFlopResult, IReadOnlyList{double}, IReadOnlyList{double}, IReadOnlyList{double}, PlotOptions?)"/>
    /// as PNG or SVG.</summary>
    /// <param name="result">The analysis.</param>
    /// <param name="computeFlops">The budget of every run.</param>
    /// <param name="parameterCounts">The parameter count of every run.</param>
    /// <param name="losses">The loss of every run.</param>
    /// <param name="path">The file to write; <c>.png</c> or <c>.svg</c>.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="PlotOptions.Default"/>.</param>
    /// <returns>The full path of the written file.</returns>
    /// <exception cref="ArgumentException">The path has an unsupported extension or a missing folder, or the data are invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static string SaveIsoFlop(IsoFlopResult result, IReadOnlyList<double> computeFlops, IReadOnlyList<double> parameterCounts,
        IReadOnlyList<double> losses, string path, PlotOptions? options = null)
    {
        PlotExport.GetFormat(path);
        options ??= PlotOptions.Default;
        using var plot = CreateIsoFlop(result, computeFlops, parameterCounts, losses, options);
        return PlotExport.Save(plot, path, options.Width, options.Height);
    }

    private static void DrawBand(Plot plot, double[] grid, ParameterInterval[] intervals, Color color, string? label)
    {
        var rows = Enumerable.Range(0, grid.Length).Where(i => intervals[i].IsFinite && intervals[i].Lower > 0.0).ToArray();
        if (rows.Length < 2)
        {
            return;
        }

        var fill = plot.Add.FillY(
            rows.Select(i => Math.Log10(grid[i])).ToArray(),
            rows.Select(i => Math.Log10(intervals[i].Lower)).ToArray(),
            rows.Select(i => Math.Log10(intervals[i].Upper)).ToArray());
        fill.FillColor = color.WithAlpha(0.18);
        fill.LineWidth = 0;
        fill.LegendText = label ?? string.Empty;
    }

    private static double[] LogGrid(double low, double high, int count)
    {
        var a = Math.Log10(low);
        var b = Math.Log10(high);
        return Enumerable.Range(0, count).Select(i => Math.Pow(10.0, a + ((b - a) * i / (count - 1)))).ToArray();
    }

    private static void CheckRange(double minimumCompute, double maximumCompute)
    {
        if (!(minimumCompute > 0.0 && double.IsFinite(minimumCompute)))
        {
            throw new ArgumentException(Look.Invariant($"minimumCompute = {minimumCompute} is not positive and finite."), nameof(minimumCompute));
        }

        if (!(maximumCompute > minimumCompute && double.IsFinite(maximumCompute)))
        {
            throw new ArgumentException(Look.Invariant(
                $"maximumCompute = {maximumCompute} must be finite and larger than minimumCompute = {minimumCompute}."), nameof(maximumCompute));
        }
    }

    private static double[] CheckBudgets(IReadOnlyList<double> budgets)
    {
        if (budgets.Count == 0)
        {
            throw new ArgumentException("Give at least one compute budget.", nameof(budgets));
        }

        for (var i = 0; i < budgets.Count; i++)
        {
            if (!(budgets[i] > 0.0 && double.IsFinite(budgets[i])))
            {
                throw new ArgumentException(Look.Invariant($"computeBudgets[{i}] = {budgets[i]} is not positive and finite."), "computeBudgets");
            }
        }

        return [.. budgets.OrderBy(b => b)];
    }
}
