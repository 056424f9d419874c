using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace ScalingLaws;

/// <summary>
/// IsoFLOP analysis (Hoffmann et al. 2022, Approach 2): for every compute budget, fit a parabola of loss in <c>log N</c>
/// to the runs of that budget and take its vertex as the compute-optimal N*(C); then fit <c>N* = k·C^a</c> and
/// <c>D* = k'·C^b</c> by log–log regression and the loss frontier <c>L*(C) = E + A·C^(−alpha)</c>.
/// </summary>
/// <remarks>
/// <para>Parabola: <c>L = c0 + c1·u + c2·u²</c> with <c>u = log N − mean(log N)</c> (centred for conditioning), by least
/// squares; the vertex is <c>u* = −c1/(2·c2)</c> when <c>c2 &gt; 0</c>, with standard error from the delta method on
/// <c>s²·(XᵀX)⁻¹</c>, <c>s² = RSS/(n − 3)</c>. <c>D* = C/(k·N*)</c>.</para>
/// <para>Regressions: <see cref="LogLogRegression"/> of N* and D* on C over the budgets with a minimum (by default only those
/// whose vertex lies inside the sampled N), optionally weighted by <c>1/SE(log N*)²</c>.</para>
/// <para>Loss frontier: a <see cref="SaturatingPowerLaw"/> with input <c>C</c> fitted to the minima, by default with Huber
/// (δ = 1e-3) on log residuals as in Porian et al. 2024.</para>
/// <para>References: J. Hoffmann et al., arXiv:2203.15556 (2022), §3.2; T. Porian et al., arXiv:2406.19146 (2024).</para>
/// </remarks>
/// <example><code>
/// IsoFlopResult iso = IsoFlopAnalysis.Analyze(flops, parameterCounts, losses);
/// Console.WriteLine($"a = {iso.ParameterCountFit.Exponent:F3} {iso.ParameterCountFit.ExponentInterval}");
/// </code></example>
public static class IsoFlopAnalysis
{
    private const double BudgetTolerance = 1e-9;

    /// <summary>Gets the default options of the loss-frontier fit: Huber (δ = 1e-3) on log residuals, default starts.</summary>
    public static FitOptions DefaultLossFrontierOptions { get; } =
        FitOptions.Default with { Loss = LossFunction.Huber(1e-3), ResidualSpace = ResidualSpace.Log };

    /// <summary>Finds the minimum of one IsoFLOP curve by fitting a parabola of loss in <c>log N</c>.</summary>
    /// <param name="computeFlops">The budget C shared by the runs, in FLOPs; positive and finite.</param>
    /// <param name="parameterCounts">The parameter count N of every run; positive and finite, at least 3 distinct values.</param>
    /// <param name="losses">The loss of every run at the budget; finite, as many as <paramref name="parameterCounts"/>.</param>
    /// <param name="flopsPerParameterToken">k in <c>C = k·N·D</c>, for D* = C/(k·N*); positive and finite. Default 6.</param>
    /// <returns>The vertex (or <see cref="IsoFlopMinimum.HasMinimum"/> false when the parabola opens downward).</returns>
    /// <exception cref="ArgumentException">Lengths differ, a value is invalid, or there are fewer than 3 distinct N.</exception>
    public static IsoFlopMinimum FindMinimum(double computeFlops, ReadOnlySpan<double> parameterCounts, ReadOnlySpan<double> losses,
        double flopsPerParameterToken = ComputeOptimalAllocation.DefaultFlopsPerParameterToken)
    {
        if (!(double.IsFinite(computeFlops) && computeFlops > 0.0))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"computeFlops = {computeFlops} is not positive and finite."), nameof(computeFlops));
        }

        if (!(double.IsFinite(flopsPerParameterToken) && flopsPerParameterToken > 0.0))
        {
            throw new ArgumentOutOfRangeException(nameof(flopsPerParameterToken), flopsPerParameterToken, "k in C = k·N·D must be positive and finite.");
        }

        CheckColumns(parameterCounts, losses, nameof(parameterCounts), nameof(losses));
        var distinct = DistinctCount(parameterCounts);
        if (distinct < 3)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"A parabola needs at least 3 distinct parameter counts but the budget {computeFlops:G6} has {distinct}."), nameof(parameterCounts));
        }

        return Vertex(computeFlops, parameterCounts, losses, flopsPerParameterToken);
    }

    /// <summary>Runs the IsoFLOP analysis on runs grouped by compute budget.</summary>
    /// <param name="computeFlops">The budget C of every run, in FLOPs; runs with equal budgets (to 1e-9 relative) form a curve.</param>
    /// <param name="parameterCounts">The parameter count N of every run; positive and finite.</param>
    /// <param name="losses">The loss of every run at its budget; positive and finite.</param>
    /// <param name="options">Options; <see langword="null"/> for <see cref="IsoFlopOptions.Default"/>.</param>
    /// <returns>The minima, the regressions and (when requested and possible) the loss frontier.</returns>
    /// <exception cref="ArgumentException">Lengths differ, a value is invalid, or fewer than 2 budgets give a usable minimum.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its range.</exception>
    public static IsoFlopResult Analyze(ReadOnlySpan<double> computeFlops, ReadOnlySpan<double> parameterCounts, ReadOnlySpan<double> losses,
        IsoFlopOptions? options = null)
    {
        options ??= IsoFlopOptions.Default;
        options.Validate();
        CheckColumns(parameterCounts, losses, nameof(parameterCounts), nameof(losses));
        if (computeFlops.Length != parameterCounts.Length)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"computeFlops has {computeFlops.Length} values but parameterCounts has {parameterCounts.Length}."), nameof(computeFlops));
        }

        for (var i = 0; i < computeFlops.Length; i++)
        {
            if (!(double.IsFinite(computeFlops[i]) && computeFlops[i] > 0.0))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"computeFlops[{i}] = {computeFlops[i]} is not positive and finite."), nameof(computeFlops));
            }

            if (!(losses[i] > 0.0))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"losses[{i}] = {losses[i]} is not positive; losses are fitted on the log scale."), nameof(losses));
            }
        }

        var order = Enumerable.Range(0, computeFlops.Length).ToArray();
        var flops = computeFlops.ToArray();
        var allN = parameterCounts.ToArray();
        var allL = losses.ToArray();
        Array.Sort(flops.ToArray(), order);
        var warnings = new List<string>();
        var minima = new List<IsoFlopMinimum>();
        var start = 0;
        while (start < order.Length)
        {
            var budget = flops[order[start]];
            var end = start + 1;
            while (end < order.Length && Math.Abs(flops[order[end]] - budget) <= BudgetTolerance * budget)
            {
                end++;
            }

            var rows = order[start..end];
            var n = rows.Select(i => allN[i]).ToArray();
            var l = rows.Select(i => allL[i]).ToArray();
            if (double.IsFinite(options.FitWindowDecades))
            {
                var best = n[Array.IndexOf(l, l.Min())];
                var inside = Enumerable.Range(0, n.Length).Where(i => Math.Abs(Math.Log10(n[i] / best)) <= options.FitWindowDecades).ToArray();
                n = inside.Select(i => n[i]).ToArray();
                l = inside.Select(i => l[i]).ToArray();
            }

            if (DistinctCount(n) < 3)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"budget {budget:G6} has fewer than 3 distinct parameter counts{(double.IsFinite(options.FitWindowDecades) ? " in the fit window" : string.Empty)} and was left out"));
            }
            else
            {
                minima.Add(Vertex(budget, n, l, options.FlopsPerParameterToken));
            }

            start = end;
        }

        var used = new bool[minima.Count];
        for (var i = 0; i < minima.Count; i++)
        {
            var m = minima[i];
            used[i] = m.HasMinimum;
            if (!m.HasMinimum)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture, $"budget {m.ComputeFlops:G6}: the parabola opens downward (no minimum); left out"));
            }
            else if (!m.IsWithinSampledRange && options.ExcludeUnbracketedMinima)
            {
                used[i] = false;
                warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"budget {m.ComputeFlops:G6}: the vertex N* = {m.ParameterCount:G4} lies outside the sampled N; left out"));
            }
            else if (options.WeightByPrecision && !(double.IsFinite(m.LogParameterCountStandardError) && m.LogParameterCountStandardError > 0.0))
            {
                used[i] = false;
                warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"budget {m.ComputeFlops:G6}: no standard error for log N* ({m.PointCount} points), so it cannot be weighted; left out"));
            }
        }

        var usedMinima = minima.Where((_, i) => used[i]).ToArray();
        if (usedMinima.Length < 2)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Only {usedMinima.Length} budget(s) gave a usable minimum; the regressions need at least 2. {string.Join("; ", warnings)}"), nameof(computeFlops));
        }

        var c = usedMinima.Select(m => m.ComputeFlops).ToArray();
        var weights = options.WeightByPrecision
            ? usedMinima.Select(m => 1.0 / (m.LogParameterCountStandardError * m.LogParameterCountStandardError)).ToArray()
            : [];
        var nFit = LogLogRegression.Fit(c, usedMinima.Select(m => m.ParameterCount).ToArray(), weights, options.ConfidenceLevel);
        var dFit = LogLogRegression.Fit(c, usedMinima.Select(m => m.TokenCount).ToArray(), weights, options.ConfidenceLevel);
        FitResult? frontier = null;
        if (options.FitLossFrontier)
        {
            if (usedMinima.Length >= 4)
            {
                frontier = FitLossFrontier(c, usedMinima.Select(m => m.Loss).ToArray(), options.LossFrontierOptions);
            }
            else
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"the loss frontier needs at least 4 budgets but only {usedMinima.Length} are usable; it was not fitted"));
            }
        }

        return new IsoFlopResult([.. minima], used, nFit, dFit, frontier, options, [.. warnings]);
    }

    /// <summary>Fits the loss frontier <c>L*(C) = E + A·C^(−alpha)</c> to compute-optimal losses.</summary>
    /// <param name="computeFlops">The budgets in FLOPs; positive and finite.</param>
    /// <param name="losses">The compute-optimal loss at every budget; positive and finite.</param>
    /// <param name="options">Fit options; <see langword="null"/> for <see cref="DefaultLossFrontierOptions"/> (Huber δ = 1e-3 on log residuals).
    /// Porian et al.'s start grid is <c>StartStrategy.Grid</c> over alpha ∈ {0, 0.1, 0.2, 0.3}, E = e^{−1, −0.5, 0, 0.5, 1},
    /// A = e^{0, 5, …, 25}.</param>
    /// <returns>The fit of a <see cref="SaturatingPowerLaw"/> whose input is named <c>C</c>.</returns>
    /// <exception cref="ArgumentException">The data are invalid (see <see cref="ScalingLawFitter.Fit(ScalingLaw, Observations, FitOptions?)"/>).</exception>
    public static FitResult FitLossFrontier(ReadOnlySpan<double> computeFlops, ReadOnlySpan<double> losses, FitOptions? options = null)
    {
        var data = new Observations(["C"], [computeFlops.ToArray()], losses.ToArray(), targetName: "loss");
        return ScalingLawFitter.Fit(new SaturatingPowerLaw("C"), data, options ?? DefaultLossFrontierOptions);
    }

    private static IsoFlopMinimum Vertex(double computeFlops, ReadOnlySpan<double> parameterCounts, ReadOnlySpan<double> losses, double k)
    {
        var n = parameterCounts.Length;
        var logN = new double[n];
        var mean = 0.0;
        for (var i = 0; i < n; i++)
        {
            logN[i] = Math.Log(parameterCounts[i]);
            mean += logN[i];
        }

        mean /= n;
        var x = Matrix<double>.Build.Dense(n, 3, (i, j) => Math.Pow(logN[i] - mean, j));
        var y = Vector<double>.Build.DenseOfArray(losses.ToArray());
        var qr = x.QR();
        var c = qr.Solve(y);
        var minU = logN.Min() - mean;
        var maxU = logN.Max() - mean;
        if (!(c[2] > 0.0))
        {
            return new IsoFlopMinimum(computeFlops, double.NaN, double.NaN, double.NaN, double.NaN, n, false, false)
            {
                HasParabola = true, ParabolaCentre = mean, ParabolaConstant = c[0], ParabolaLinear = c[1], ParabolaQuadratic = c[2],
            };
        }

        var u = -c[1] / (2.0 * c[2]);
        var loss = c[0] - (c[1] * c[1] / (4.0 * c[2]));
        var se = double.NaN;
        if (n > 3)
        {
            var residuals = y - (x * c);
            var s2 = residuals.DotProduct(residuals) / (n - 3);
            var covariance = (x.TransposeThisAndMultiply(x)).Inverse() * s2;
            var g = Vector<double>.Build.DenseOfArray([0.0, -1.0 / (2.0 * c[2]), c[1] / (2.0 * c[2] * c[2])]);
            var variance = g * covariance * g;
            se = variance >= 0.0 ? Math.Sqrt(variance) : double.NaN;
        }

        var parameterCount = Math.Exp(mean + u);
        return new IsoFlopMinimum(computeFlops, parameterCount, computeFlops / (k * parameterCount), loss, se, n, true,
            u >= minU && u <= maxU)
        {
            HasParabola = true, ParabolaCentre = mean, ParabolaConstant = c[0], ParabolaLinear = c[1], ParabolaQuadratic = c[2],
        };
    }

    private static void CheckColumns(ReadOnlySpan<double> parameterCounts, ReadOnlySpan<double> losses, string nName, string lName)
    {
        if (parameterCounts.Length != losses.Length)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{nName} has {parameterCounts.Length} values but {lName} has {losses.Length}."), lName);
        }

        for (var i = 0; i < parameterCounts.Length; i++)
        {
            if (!(double.IsFinite(parameterCounts[i]) && parameterCounts[i] > 0.0))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"{nName}[{i}] = {parameterCounts[i]} is not positive and finite."), nName);
            }

            if (!double.IsFinite(losses[i]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{lName}[{i}] = {losses[i]} is not finite."), lName);
            }
        }
    }

    private static int DistinctCount(ReadOnlySpan<double> values)
    {
        var set = new HashSet<double>();
        foreach (var v in values)
        {
            set.Add(v);
        }

        return set.Count;
    }
}
