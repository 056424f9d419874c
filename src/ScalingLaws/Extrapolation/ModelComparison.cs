using System.Globalization;

namespace ScalingLaws;

/// <summary>Compares laws fitted to the same observations by information criteria (AIC, AICc, BIC, Akaike weights).</summary>
/// <remarks>
/// <para>The criteria come from each fit's Gaussian log-likelihood (<see cref="FitResult.LogLikelihood"/>), so they exist only
/// for least-squares fits; robust (Huber) fits get NaN and a note. Fits must share the observations (same count, targets
/// and weights) and the residual space: a likelihood of <c>log y</c> is not comparable with one of <c>y</c>.</para>
/// <para>AIC and BIC count the residual variance as a parameter (k = free parameters + 1), as <see cref="FitResult.Aic"/> does.
/// Akaike weights <c>w_i = exp(−ΔAIC_i/2)/Σ_j exp(−ΔAIC_j/2)</c> are the relative support for each law among those compared
/// (Burnham and Anderson 2002, §2.9). Prefer AICc when n/k is below about 40.</para>
/// <para>In-sample criteria are no substitute for extrapolation checks: see <see cref="ExtrapolationValidation"/>.</para>
/// </remarks>
/// <example><code>
/// var table = ModelComparison.Compare([powerFit, saturatingFit], ["power law", "power law + E"]);
/// Console.WriteLine(table);
/// </code></example>
public static class ModelComparison
{
    /// <summary>Builds the comparison table.</summary>
    /// <param name="fits">Fits of different laws to the same observations; at least one.</param>
    /// <param name="labels">Optional labels, one per fit; <see langword="null"/> uses the laws' names.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentException">There are no fits, a fit is null, the labels do not match the fits, or the fits do not share
    /// the observations or the residual space.</exception>
    public static ModelComparisonTable Compare(IReadOnlyList<FitResult> fits, IReadOnlyList<string>? labels = null)
    {
        ArgumentNullException.ThrowIfNull(fits);
        if (fits.Count == 0)
        {
            throw new ArgumentException("There are no fits to compare.", nameof(fits));
        }

        if (labels is not null && labels.Count != fits.Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"There are {labels.Count} labels for {fits.Count} fits."), nameof(labels));
        }

        for (var i = 0; i < fits.Count; i++)
        {
            if (fits[i] is null)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"fits[{i}] is null."), nameof(fits));
            }
        }

        var reference = fits[0];
        for (var i = 1; i < fits.Count; i++)
        {
            var problem = Mismatch(reference, fits[i]);
            if (problem is not null)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"fits[{i}] ({fits[i].Law.Name}) cannot be compared with fits[0] ({reference.Law.Name}): {problem}."), nameof(fits));
            }
        }

        var notes = new List<string>();
        var n = reference.Data.Count;
        var raw = new (int K, double LogL, double Aic, double Aicc, double Bic)[fits.Count];
        for (var i = 0; i < fits.Count; i++)
        {
            var fit = fits[i];
            var q = fit.IsFixed.Count(f => !f);
            var k = q + 1;
            var logL = fit.LogLikelihood ?? double.NaN;
            var aic = fit.Aic ?? double.NaN;
            var bic = fit.Bic ?? double.NaN;
            var aicc = n - k - 1 > 0 ? aic + (2.0 * k * (k + 1) / (n - k - 1)) : double.NaN;
            if (fit.Aic is null)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{Label(fits, labels, i)}: no likelihood ({fit.Options.Loss} fit); information criteria need least-squares fits"));
            }

            raw[i] = (q, logL, aic, aicc, bic);
        }

        var minAic = raw.Where(r => double.IsFinite(r.Aic)).Select(r => r.Aic).DefaultIfEmpty(double.NaN).Min();
        var minBic = raw.Where(r => double.IsFinite(r.Bic)).Select(r => r.Bic).DefaultIfEmpty(double.NaN).Min();
        var sumWeights = raw.Where(r => double.IsFinite(r.Aic)).Sum(r => Math.Exp(-0.5 * (r.Aic - minAic)));
        var rows = new ModelComparisonRow[fits.Count];
        for (var i = 0; i < fits.Count; i++)
        {
            var r = raw[i];
            var deltaAic = r.Aic - minAic;
            rows[i] = new ModelComparisonRow(Label(fits, labels, i), fits[i].Law.Name, r.K, n, fits[i].Objective, fits[i].ResidualSumOfSquares,
                r.LogL, r.Aic, r.Aicc, r.Bic, deltaAic, r.Bic - minBic, double.IsFinite(deltaAic) ? Math.Exp(-0.5 * deltaAic) / sumWeights : double.NaN);
        }

        return new ModelComparisonTable(rows, [.. notes]);
    }

    private static string Label(IReadOnlyList<FitResult> fits, IReadOnlyList<string>? labels, int i)
        => labels?[i] ?? fits[i].Law.Name;

    private static string? Mismatch(FitResult a, FitResult b)
    {
        if (a.Options.ResidualSpace != b.Options.ResidualSpace)
        {
            return $"residual spaces differ ({a.Options.ResidualSpace} and {b.Options.ResidualSpace})";
        }

        if (a.Data.Count != b.Data.Count)
        {
            return string.Create(CultureInfo.InvariantCulture, $"they were fitted to {a.Data.Count} and {b.Data.Count} observations");
        }

        for (var i = 0; i < a.Data.Count; i++)
        {
            if (!a.Data.Target[i].Equals(b.Data.Target[i]))
            {
                return string.Create(CultureInfo.InvariantCulture, $"target {i} differs ({a.Data.Target[i]} and {b.Data.Target[i]})");
            }
        }

        var wa = a.Data.Weights;
        var wb = b.Data.Weights;
        if ((wa is null) != (wb is null) || (wa is not null && wb is not null && !wa.SequenceEqual(wb)))
        {
            return "their weights differ";
        }

        return null;
    }
}
