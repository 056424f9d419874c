using System.Globalization;

namespace ScalingLaws;

/// <summary>
/// Judges a law by how well it extrapolates: fit on part of the observations (for example the smaller models) and predict
/// the rest, or leave out one group at a time.
/// </summary>
/// <remarks>
/// <para>In-sample fit quality says little about extrapolation; fitting small models and predicting large ones does
/// (methods.md §4). Errors are predicted minus observed, as relative errors <c>ŷ/y − 1</c> and log errors <c>log ŷ − log y</c>;
/// predictions carry delta-method intervals from the training fit, and <see cref="PredictionErrorSummary.PredictionIntervalCoverage"/>
/// says how many held-out observations fall inside them.</para>
/// <para>Training fits use the given options (the same options for every fold).</para>
/// </remarks>
/// <example><code>
/// var options = FitOptions.Default with { Loss = LossFunction.Huber(1e-3), ResidualSpace = ResidualSpace.Log };
/// HoldoutValidation v = ExtrapolationValidation.Holdout(new ChinchillaLaw(), data, "N", 2e9, options);
/// Console.WriteLine(v.Summary.MeanAbsoluteLogError);
/// </code></example>
public static class ExtrapolationValidation
{
    /// <summary>Fits on the observations whose input is below a threshold and predicts those at or above it.</summary>
    /// <param name="law">The law.</param>
    /// <param name="data">The observations; they need a column per input of the law.</param>
    /// <param name="inputName">The column to split on (for example <c>N</c>).</param>
    /// <param name="threshold">Rows with <c>value &lt; threshold</c> train the law; rows with <c>value ≥ threshold</c> are held out.</param>
    /// <param name="options">Fit options; <see langword="null"/> for <see cref="FitOptions.Default"/>.</param>
    /// <returns>The validation.</returns>
    /// <exception cref="ArgumentException">The column does not exist, the threshold is not finite, either side of the split is empty,
    /// or the training data cannot be fitted (too few rows, invalid values).</exception>
    public static HoldoutValidation Holdout(ScalingLaw law, Observations data, string inputName, double threshold, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(law);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrWhiteSpace(inputName);
        if (!data.HasColumn(inputName))
        {
            throw new ArgumentException($"The observations have no column '{inputName}'; their columns are {string.Join(", ", data.ColumnNames)}.", nameof(inputName));
        }

        if (!double.IsFinite(threshold))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"threshold = {threshold} is not finite."), nameof(threshold));
        }

        var description = string.Create(CultureInfo.InvariantCulture, $"{inputName} < {threshold:G6}");
        var training = data.Where(r => r[inputName] < threshold, description);
        var heldOut = data.Where(r => !(r[inputName] < threshold), string.Create(CultureInfo.InvariantCulture, $"{inputName} >= {threshold:G6}"));
        if (training.Count == 0 || heldOut.Count == 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The threshold {inputName} = {threshold:G6} leaves {training.Count} training and {heldOut.Count} held-out rows; both sides need at least one."),
                nameof(threshold));
        }

        return Run(law, training, heldOut, string.Create(CultureInfo.InvariantCulture, $"fitted on {description}, predicting {heldOut.Count} rows with {inputName} >= {threshold:G6}"), options);
    }

    /// <summary>Fits on one set of observations and predicts another.</summary>
    /// <param name="law">The law.</param>
    /// <param name="training">The observations to fit.</param>
    /// <param name="heldOut">The observations to predict; at least one row with a column per input of the law.</param>
    /// <param name="options">Fit options; <see langword="null"/> for <see cref="FitOptions.Default"/>.</param>
    /// <returns>The validation.</returns>
    /// <exception cref="ArgumentException"><paramref name="heldOut"/> is empty or lacks a column, or the training data cannot be fitted.</exception>
    public static HoldoutValidation Holdout(ScalingLaw law, Observations training, Observations heldOut, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(law);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(heldOut);
        if (heldOut.Count == 0)
        {
            throw new ArgumentException("There are no held-out observations.", nameof(heldOut));
        }

        return Run(law, training, heldOut, string.Create(CultureInfo.InvariantCulture, $"predicting {heldOut.Count} held-out rows"), options);
    }

    /// <summary>For every group label, fits on the other groups and predicts that group.</summary>
    /// <param name="law">The law.</param>
    /// <param name="data">The observations, with group labels (<see cref="Observations.Groups"/>) and at least 2 groups.</param>
    /// <param name="options">Fit options; <see langword="null"/> for <see cref="FitOptions.Default"/>.</param>
    /// <returns>One holdout validation per group and the pooled summary.</returns>
    /// <exception cref="ArgumentException">The observations have no group labels or fewer than 2 groups, or a training set cannot be fitted.</exception>
    public static LeaveOneGroupOutValidation LeaveOneGroupOut(ScalingLaw law, Observations data, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(law);
        ArgumentNullException.ThrowIfNull(data);
        var groups = data.Groups ?? throw new ArgumentException("The observations have no group labels; create them with groups to leave one group out.", nameof(data));
        var distinct = groups.Distinct(StringComparer.Ordinal).ToArray();
        if (distinct.Length < 2)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Leaving one group out needs at least 2 groups but the observations have {distinct.Length}."), nameof(data));
        }

        var folds = new HoldoutValidation[distinct.Length];
        for (var g = 0; g < distinct.Length; g++)
        {
            var label = distinct[g];
            var training = data.Where(r => !string.Equals(groups[r.Index], label, StringComparison.Ordinal), $"group != {label}");
            var heldOut = data.Where(r => string.Equals(groups[r.Index], label, StringComparison.Ordinal), $"group == {label}");
            folds[g] = Run(law, training, heldOut, $"group '{label}' held out", options);
        }

        return new LeaveOneGroupOutValidation(distinct, folds);
    }

    private static HoldoutValidation Run(ScalingLaw law, Observations training, Observations heldOut, string description, FitOptions? options)
    {
        var fit = ScalingLawFitter.Fit(law, training, options);
        var predictions = Extrapolation.PredictRows(fit, Extrapolation.Columns(law, heldOut), fit.Options.ConfidenceLevel, null);
        return new HoldoutValidation(description, fit, heldOut, predictions);
    }
}
