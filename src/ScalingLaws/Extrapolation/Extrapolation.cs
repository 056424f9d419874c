using System.Globalization;
using ScalingLaws.Internal;

namespace ScalingLaws;

/// <summary>
/// Predictions of a fitted law at new inputs with confidence and prediction intervals, from the delta method on the fit's
/// covariance or from parameter draws (for example bootstrap samples).
/// </summary>
/// <remarks>
/// <para><b>Delta method.</b> With <c>g = ∂f(x; θ)/∂θ</c> at the fitted parameters (the law's analytic Jacobian, or central
/// differences when it has none) and the fit's covariance Σ, <c>SE(f) = √(gᵀΣg)</c>. The confidence interval is
/// <c>f ± t·SE</c> with the Student-t quantile on the fit's degrees of freedom; for log residuals it is
/// <c>f·exp(±t·SE/f)</c>.</para>
/// <para><b>Prediction interval.</b> Adds the residual variance <c>s² = RSS/dof</c> of the fit (in its residual space, for
/// an observation of unit weight; <c>s² = 1</c> when the covariance treats weights as absolute inverse variances):
/// <c>f ± t·√(SE² + s²)</c>, or <c>f·exp(±t·√((SE/f)² + s²))</c> for log residuals, where the noise is multiplicative.
/// For Huber fits s² includes the outliers, so the interval is conservative.</para>
/// <para><b>Parameter draws.</b> The confidence interval is the equal-tailed percentile interval of <c>f(x; θ_b)</c> over the
/// draws (numpy's linear interpolation); the prediction interval widens each side of it in quadrature by <c>t·s</c> (on the
/// log scale for log residuals). Draws whose value is NaN are skipped and not counted in <see cref="Prediction.SampleCount"/>.</para>
/// <para>Results are deterministic and do not depend on the thread count.</para>
/// </remarks>
/// <example><code>
/// FitResult fit = ScalingLawFitter.Fit(new SaturatingPowerLaw("C"), data, options);
/// Prediction p = fit.Extrapolate(1e24);                      // delta method at fit.Options.ConfidenceLevel
/// Prediction q = fit.Extrapolate([1e24], boot.Samples, 0.9); // percentiles over bootstrap draws
/// if (p.IsOutsideFittedRange) { Console.WriteLine($"extrapolating: {p}"); }
/// </code></example>
public static class Extrapolation
{
    /// <summary>Predicts the law at one point with delta-method intervals at the fit's confidence level.</summary>
    /// <param name="fit">The fit.</param>
    /// <param name="inputValues">One value per input of the law, in the order of <see cref="ScalingLaw.Inputs"/>
    /// (for example N and D for <see cref="ChinchillaLaw"/>); each inside the input's domain.</param>
    /// <returns>The prediction.</returns>
    /// <exception cref="ArgumentException">The number of inputs is wrong, or an input is not finite or outside its domain.</exception>
    public static Prediction Extrapolate(this FitResult fit, params ReadOnlySpan<double> inputValues)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return Extrapolate(fit, inputValues, fit.Options.ConfidenceLevel);
    }

    /// <summary>Predicts the law at one point with delta-method intervals.</summary>
    /// <param name="fit">The fit.</param>
    /// <param name="inputValues">One value per input of the law, in the order of <see cref="ScalingLaw.Inputs"/>.</param>
    /// <param name="confidenceLevel">Nominal coverage of the intervals, strictly between 0 and 1 (for example 0.95).</param>
    /// <returns>The prediction.</returns>
    /// <exception cref="ArgumentException">The number of inputs is wrong, or an input is not finite or outside its domain.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is not strictly between 0 and 1.</exception>
    public static Prediction Extrapolate(this FitResult fit, ReadOnlySpan<double> inputValues, double confidenceLevel)
    {
        ArgumentNullException.ThrowIfNull(fit);
        DerivedQuantityMath.CheckLevel(confidenceLevel, nameof(confidenceLevel));
        var inputs = SinglePoint(fit.Law, inputValues, nameof(inputValues));
        return PredictRows(fit, inputs, confidenceLevel, null)[0];
    }

    /// <summary>Predicts the law at one point with percentile intervals over parameter draws.</summary>
    /// <param name="fit">The fit.</param>
    /// <param name="inputValues">One value per input of the law, in the order of <see cref="ScalingLaw.Inputs"/>.</param>
    /// <param name="parameterDraws">Natural parameter vectors in the law's parameter order, for example the successful
    /// bootstrap samples (<c>BootstrapResult.Samples</c>).</param>
    /// <param name="confidenceLevel">Nominal coverage of the intervals, strictly between 0 and 1.</param>
    /// <returns>The prediction.</returns>
    /// <exception cref="ArgumentException">The number of inputs is wrong, an input is invalid, there are no draws, or a draw
    /// has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is not strictly between 0 and 1.</exception>
    public static Prediction Extrapolate(this FitResult fit, ReadOnlySpan<double> inputValues,
        IReadOnlyList<IReadOnlyList<double>> parameterDraws, double confidenceLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(fit);
        DerivedQuantityMath.CheckDraws(parameterDraws, nameof(parameterDraws));
        DerivedQuantityMath.CheckLevel(confidenceLevel, nameof(confidenceLevel));
        var inputs = SinglePoint(fit.Law, inputValues, nameof(inputValues));
        return PredictRows(fit, inputs, confidenceLevel, parameterDraws)[0];
    }

    /// <summary>Predicts a single-input law at one point with intervals from a bootstrap of the fit.</summary>
    /// <param name="fit">The fit.</param>
    /// <param name="inputValue">The value of the law's only input; inside its domain.</param>
    /// <param name="bootstrap">A bootstrap of <paramref name="fit"/> (or of another fit of the same law).</param>
    /// <param name="confidenceLevel">Nominal coverage of the intervals, strictly between 0 and 1.</param>
    /// <param name="method">How the confidence interval is read off the bootstrap distribution of the prediction.</param>
    /// <returns>The prediction; the prediction interval widens the bootstrap interval by the fit's residual noise.</returns>
    /// <exception cref="ArgumentException">The law does not have exactly one input, the input is invalid, or the bootstrap
    /// is of a law with other parameters.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is not strictly between 0 and 1.</exception>
    public static Prediction Extrapolate(this FitResult fit, double inputValue, BootstrapResult bootstrap, double confidenceLevel = 0.95,
        BootstrapIntervalMethod method = BootstrapIntervalMethod.Percentile)
        => Extrapolate(fit, [inputValue], bootstrap, confidenceLevel, method);

    /// <summary>Predicts the law at one point with intervals from a bootstrap of the fit.</summary>
    /// <param name="fit">The fit.</param>
    /// <param name="inputValues">One value per input of the law, in the order of <see cref="ScalingLaw.Inputs"/>.</param>
    /// <param name="bootstrap">A bootstrap of <paramref name="fit"/> (or of another fit of the same law).</param>
    /// <param name="confidenceLevel">Nominal coverage of the intervals, strictly between 0 and 1.</param>
    /// <param name="method">How the confidence interval is read off the bootstrap distribution of the prediction
    /// (<see cref="BootstrapResult.DerivedInterval"/>; BCa refits the jackknife once per bootstrap).</param>
    /// <returns>The prediction; the prediction interval widens the bootstrap interval by the fit's residual noise.</returns>
    /// <exception cref="ArgumentException">The number of inputs is wrong, an input is invalid, or the bootstrap is of a law
    /// with other parameters.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is not strictly between 0 and 1.</exception>
    public static Prediction Extrapolate(this FitResult fit, ReadOnlySpan<double> inputValues, BootstrapResult bootstrap,
        double confidenceLevel = 0.95, BootstrapIntervalMethod method = BootstrapIntervalMethod.Percentile)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(bootstrap);
        DerivedQuantityMath.CheckLevel(confidenceLevel, nameof(confidenceLevel));
        if (!bootstrap.ParameterNames.SequenceEqual(fit.ParameterNames, StringComparer.Ordinal))
        {
            throw new ArgumentException(
                $"The bootstrap is of law '{bootstrap.Fit.Law.Name}' with parameters {string.Join(", ", bootstrap.ParameterNames)}, but the fit's law '{fit.Law.Name}' has {string.Join(", ", fit.ParameterNames)}.",
                nameof(bootstrap));
        }

        var inputs = SinglePoint(fit.Law, inputValues, nameof(inputValues));
        if (method == BootstrapIntervalMethod.Percentile)
        {
            return PredictRows(fit, inputs, confidenceLevel, bootstrap.Samples)[0];
        }

        var law = fit.Law;
        var x = inputValues.ToArray();
        var f = law.Evaluate(fit.Parameters.ToArray(), x);
        var confidence = bootstrap.DerivedInterval(theta => law.Evaluate(theta.ToArray(), x), confidenceLevel, method);
        var t = DerivedQuantityMath.TQuantile(confidenceLevel, fit.DegreesOfFreedom);
        var prediction = WidenByNoise(f, confidence, t * NoiseStandardDeviation(fit), fit.Options.ResidualSpace == ResidualSpace.Log);
        var (lower, upper) = FittedRanges(fit, law);
        var (mask, outside) = OutsideMask(x, lower, upper);
        var source = confidence.IsFinite ? IntervalSource.ParameterDraws : IntervalSource.None;
        return new Prediction(f, confidence, prediction, mask, outside, source, bootstrap.SuccessfulResamples);
    }

    /// <summary>Predicts the law at every row of a set of observations (columns matched to the law's inputs by name),
    /// with delta-method intervals at the fit's confidence level.</summary>
    /// <param name="fit">The fit.</param>
    /// <param name="data">The rows to predict; they need a column per input of the law (the target is ignored).</param>
    /// <returns>One prediction per row.</returns>
    /// <exception cref="ArgumentException">A column is missing, or a value is not finite or outside its input's domain.</exception>
    public static IReadOnlyList<Prediction> Extrapolate(this FitResult fit, Observations data)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(data);
        return PredictRows(fit, Columns(fit.Law, data), fit.Options.ConfidenceLevel, null);
    }

    /// <summary>Predicts the law at every row of a set of observations with percentile intervals over parameter draws.</summary>
    /// <param name="fit">The fit.</param>
    /// <param name="data">The rows to predict; they need a column per input of the law.</param>
    /// <param name="parameterDraws">Natural parameter vectors in the law's parameter order (for example bootstrap samples).</param>
    /// <param name="confidenceLevel">Nominal coverage of the intervals, strictly between 0 and 1.</param>
    /// <returns>One prediction per row.</returns>
    /// <exception cref="ArgumentException">A column is missing, a value is invalid, there are no draws, or a draw has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is not strictly between 0 and 1.</exception>
    public static IReadOnlyList<Prediction> Extrapolate(this FitResult fit, Observations data,
        IReadOnlyList<IReadOnlyList<double>> parameterDraws, double confidenceLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(data);
        DerivedQuantityMath.CheckDraws(parameterDraws, nameof(parameterDraws));
        DerivedQuantityMath.CheckLevel(confidenceLevel, nameof(confidenceLevel));
        return PredictRows(fit, Columns(fit.Law, data), confidenceLevel, parameterDraws);
    }

    /// <summary>Gets the residual standard deviation used for prediction intervals: <c>√(RSS/dof)</c> in the fit's residual
    /// space (1 when weights are absolute inverse variances; NaN without degrees of freedom).</summary>
    internal static double NoiseStandardDeviation(FitResult fit)
    {
        if (fit.DegreesOfFreedom < 1)
        {
            return double.NaN;
        }

        return fit.Options.Covariance == CovarianceMethod.AbsoluteSigma ? 1.0 : Math.Sqrt(fit.ResidualSumOfSquares / fit.DegreesOfFreedom);
    }

    internal static Prediction[] PredictRows(FitResult fit, LawInputs inputs, double level, IReadOnlyList<IReadOnlyList<double>>? draws)
    {
        var law = fit.Law;
        var n = inputs.Count;
        var p = law.ParameterCount;
        var theta = fit.Parameters.ToArray();
        var values = new double[n];
        var useDelta = draws is null && fit.Covariance is not null;
        var analytic = useDelta && law.HasAnalyticJacobian;
        var jacobian = analytic ? new double[n * p] : [];
        law.Evaluate(theta, inputs, values, jacobian);

        var logSpace = fit.Options.ResidualSpace == ResidualSpace.Log;
        var t = DerivedQuantityMath.TQuantile(level, fit.DegreesOfFreedom);
        var noise = t * NoiseStandardDeviation(fit);
        var (lower, upper) = FittedRanges(fit, law);
        var row = new double[inputs.ColumnCount];

        double[][]? drawValues = null;
        if (draws is not null)
        {
            drawValues = EvaluateDraws(law, inputs, draws, "parameterDraws");
        }

        var result = new Prediction[n];
        for (var i = 0; i < n; i++)
        {
            inputs.CopyRow(i, row);
            var (mask, outside) = OutsideMask(row, lower, upper);
            var f = values[i];
            var confidence = new ParameterInterval(double.NaN, double.NaN, level);
            var prediction = confidence;
            var source = IntervalSource.None;
            var samples = 0;
            if (drawValues is not null)
            {
                var sample = drawValues[i];
                samples = sample.Length;
                if (samples > 0)
                {
                    confidence = DerivedQuantityMath.PercentileInterval(sample, level);
                    prediction = WidenByNoise(f, confidence, noise, logSpace);
                    source = IntervalSource.ParameterDraws;
                }
            }
            else if (useDelta)
            {
                double se;
                if (analytic)
                {
                    se = QuadraticForm(jacobian.AsSpan(i * p, p), fit.Covariance!);
                }
                else
                {
                    var x = row.ToArray();
                    se = DerivedQuantityMath.StandardError(th => law.Evaluate(th.ToArray(), x), theta, fit.Covariance!);
                }

                (confidence, prediction) = DeltaIntervals(f, se, t, noise, level, logSpace);
                if (confidence.IsFinite)
                {
                    source = IntervalSource.DeltaMethod;
                }
            }

            result[i] = new Prediction(f, confidence, prediction, mask, outside, source, samples);
        }

        return result;
    }

    internal static LawInputs SinglePoint(ScalingLaw law, ReadOnlySpan<double> inputValues, string paramName)
    {
        if (inputValues.Length != law.Inputs.Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Law '{law.Name}' has {law.Inputs.Count} inputs ({string.Join(", ", law.InputNames)}) but {inputValues.Length} values were given."), paramName);
        }

        for (var j = 0; j < inputValues.Length; j++)
        {
            CheckDomain(law.Inputs[j], inputValues[j], string.Create(CultureInfo.InvariantCulture, $"{paramName}[{j}]"), paramName);
        }

        return LawInputs.SinglePoint(inputValues);
    }

    internal static LawInputs Columns(ScalingLaw law, Observations data)
    {
        var columns = new double[law.Inputs.Count][];
        for (var j = 0; j < columns.Length; j++)
        {
            var input = law.Inputs[j];
            if (!data.HasColumn(input.Name))
            {
                throw new ArgumentException(
                    $"The observations have no column '{input.Name}' for input {j} of law '{law.Name}'; their columns are {string.Join(", ", data.ColumnNames)}.",
                    nameof(data));
            }

            columns[j] = data.Column(input.Name).ToArray();
            for (var i = 0; i < columns[j].Length; i++)
            {
                CheckDomain(input, columns[j][i], string.Create(CultureInfo.InvariantCulture, $"{input.Name}[{i}]"), nameof(data));
            }
        }

        return new LawInputs(columns);
    }

    private static void CheckDomain(LawInput input, double value, string label, string paramName)
    {
        var ok = input.Domain switch
        {
            InputDomain.Positive => double.IsFinite(value) && value > 0.0,
            InputDomain.NonNegative => double.IsFinite(value) && value >= 0.0,
            _ => double.IsFinite(value),
        };
        if (!ok)
        {
            var rule = input.Domain switch
            {
                InputDomain.Positive => "positive and finite",
                InputDomain.NonNegative => "non-negative and finite",
                _ => "finite",
            };
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{label} = {value} is not {rule}; input '{input.Name}' must be {rule}."), paramName);
        }
    }

    private static double[][] EvaluateDraws(ScalingLaw law, LawInputs inputs, IReadOnlyList<IReadOnlyList<double>> draws, string paramName)
    {
        var n = inputs.Count;
        var p = law.ParameterCount;
        var buffer = new double[n];
        var perRow = new List<double>[n];
        for (var i = 0; i < n; i++)
        {
            perRow[i] = new List<double>(draws.Count);
        }

        var theta = new double[p];
        for (var d = 0; d < draws.Count; d++)
        {
            var draw = draws[d] ?? throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{paramName}[{d}] is null."), "parameterDraws");
            if (draw.Count != p)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"parameterDraws[{d}] has {draw.Count} values but law '{law.Name}' has {p} parameters ({string.Join(", ", law.ParameterNames)})."), "parameterDraws");
            }

            for (var k = 0; k < p; k++)
            {
                theta[k] = draw[k];
            }

            law.Evaluate(theta, inputs, buffer, []);
            for (var i = 0; i < n; i++)
            {
                if (!double.IsNaN(buffer[i]))
                {
                    perRow[i].Add(buffer[i]);
                }
            }
        }

        return perRow.Select(l => l.ToArray()).ToArray();
    }

    private static double QuadraticForm(ReadOnlySpan<double> g, ParameterMatrix covariance)
    {
        var variance = 0.0;
        for (var a = 0; a < g.Length; a++)
        {
            for (var b = 0; b < g.Length; b++)
            {
                variance += g[a] * covariance[a, b] * g[b];
            }
        }

        return variance >= 0.0 ? Math.Sqrt(variance) : double.NaN;
    }

    private static (ParameterInterval Confidence, ParameterInterval Prediction) DeltaIntervals(
        double f, double se, double t, double noise, double level, bool logSpace)
    {
        var nan = new ParameterInterval(double.NaN, double.NaN, level);
        if (!double.IsFinite(f) || !double.IsFinite(se) || !double.IsFinite(t))
        {
            return (nan, nan);
        }

        if (logSpace)
        {
            if (!(f > 0.0))
            {
                return (nan, nan);
            }

            var seLog = se / f;
            var half = t * seLog;
            var confidence = new ParameterInterval(f * Math.Exp(-half), f * Math.Exp(half), level);
            var wide = Math.Sqrt((half * half) + (noise * noise));
            var prediction = double.IsFinite(wide) ? new ParameterInterval(f * Math.Exp(-wide), f * Math.Exp(wide), level) : nan;
            return (confidence, prediction);
        }

        var h = t * se;
        var w = Math.Sqrt((h * h) + (noise * noise));
        return (new ParameterInterval(f - h, f + h, level), double.IsFinite(w) ? new ParameterInterval(f - w, f + w, level) : nan);
    }

    private static ParameterInterval WidenByNoise(double f, ParameterInterval confidence, double noise, bool logSpace)
    {
        var level = confidence.ConfidenceLevel;
        if (!double.IsFinite(noise) || !double.IsFinite(f))
        {
            return new ParameterInterval(double.NaN, double.NaN, level);
        }

        if (logSpace)
        {
            if (!(f > 0.0 && confidence.Lower > 0.0 && confidence.Upper > 0.0))
            {
                return new ParameterInterval(double.NaN, double.NaN, level);
            }

            var logF = Math.Log(f);
            var below = Math.Max(0.0, logF - Math.Log(confidence.Lower));
            var above = Math.Max(0.0, Math.Log(confidence.Upper) - logF);
            var lo = Math.Min(Math.Log(confidence.Lower), logF - Math.Sqrt((below * below) + (noise * noise)));
            var hi = Math.Max(Math.Log(confidence.Upper), logF + Math.Sqrt((above * above) + (noise * noise)));
            return new ParameterInterval(Math.Exp(lo), Math.Exp(hi), level);
        }

        var d1 = Math.Max(0.0, f - confidence.Lower);
        var d2 = Math.Max(0.0, confidence.Upper - f);
        return new ParameterInterval(
            Math.Min(confidence.Lower, f - Math.Sqrt((d1 * d1) + (noise * noise))),
            Math.Max(confidence.Upper, f + Math.Sqrt((d2 * d2) + (noise * noise))),
            level);
    }

    private static (double[] Lower, double[] Upper) FittedRanges(FitResult fit, ScalingLaw law)
    {
        var m = law.Inputs.Count;
        var lower = new double[m];
        var upper = new double[m];
        for (var j = 0; j < m; j++)
        {
            lower[j] = double.PositiveInfinity;
            upper[j] = double.NegativeInfinity;
            var name = law.Inputs[j].Name;
            if (!fit.Data.HasColumn(name))
            {
                continue;
            }

            foreach (var v in fit.Data.Column(name))
            {
                lower[j] = Math.Min(lower[j], v);
                upper[j] = Math.Max(upper[j], v);
            }
        }

        return (lower, upper);
    }

    private static (ulong Mask, bool Outside) OutsideMask(double[] row, double[] lower, double[] upper)
    {
        ulong mask = 0;
        var outside = false;
        for (var j = 0; j < row.Length; j++)
        {
            if (row[j] < lower[j] || row[j] > upper[j])
            {
                outside = true;
                if (j < 64)
                {
                    mask |= 1UL << j;
                }
            }
        }

        return (mask, outside);
    }
}
