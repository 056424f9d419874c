using System.Globalization;
using ScalingLaws.Internal;

namespace ScalingLaws;

/// <summary>
/// A power law <c>y = coefficient·x^exponent</c> fitted by (weighted) linear least squares of <c>log y</c> on <c>log x</c>,
/// with standard errors and intervals: the regression behind <c>N* = k·C^a</c> in IsoFLOP analyses.
/// </summary>
/// <remarks>
/// <para>Model: <c>log y_i = c + a·log x_i + ε_i</c>, minimising <c>Σ w_i·(log y_i − c − a·log x_i)²</c> in closed form on
/// centred sums (this is scikit-learn's <c>LinearRegression</c> with <c>sample_weight</c>, as used by Porian et al. 2024).
/// <c>exponent = a</c>, <c>coefficient = e^c</c>.</para>
/// <para>Standard errors treat the weights as relative: <c>s² = Σ w_i r_i²/(n − 2)</c>, <c>Var a = s²/S_xx</c>,
/// <c>Var c = s²·(1/Σw + x̄²/S_xx)</c>, <c>Cov(a, c) = −x̄·s²/S_xx</c> with weighted means and
/// <c>S_xx = Σ w_i (log x_i − x̄)²</c>. Intervals use the Student-t quantile on n − 2 degrees of freedom; the coefficient's
/// interval is <c>exp</c> of the intercept's. With two points the fit is exact and the standard errors are NaN.</para>
/// <para>R² is the weighted coefficient of determination of <c>log y</c>.</para>
/// </remarks>
/// <example><code>
/// var fit = LogLogRegression.Fit(computeFlops, optimalParameterCounts);          // unweighted
/// var weighted = LogLogRegression.Fit(computeFlops, optimalParameterCounts, weights);
/// Console.WriteLine($"a = {fit.Exponent:F4} {fit.ExponentInterval}");
/// </code></example>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class LogLogRegression
{
    private readonly double[] _residuals;

    private LogLogRegression(double exponent, double logCoefficient, double varianceExponent, double varianceIntercept, double covariance,
        double residualStandardError, double rSquared, int count, bool isWeighted, double confidenceLevel, double minimumX, double maximumX,
        double[] residuals)
    {
        Exponent = exponent;
        LogCoefficient = logCoefficient;
        ExponentStandardError = Math.Sqrt(varianceExponent);
        LogCoefficientStandardError = Math.Sqrt(varianceIntercept);
        ExponentLogCoefficientCovariance = covariance;
        ResidualStandardError = residualStandardError;
        RSquared = rSquared;
        Count = count;
        IsWeighted = isWeighted;
        ConfidenceLevel = confidenceLevel;
        MinimumX = minimumX;
        MaximumX = maximumX;
        _residuals = residuals;
        var t = DerivedQuantityMath.TQuantile(confidenceLevel, DegreesOfFreedom);
        ExponentInterval = new ParameterInterval(exponent - (t * ExponentStandardError), exponent + (t * ExponentStandardError), confidenceLevel);
        CoefficientInterval = new ParameterInterval(Math.Exp(logCoefficient - (t * LogCoefficientStandardError)),
            Math.Exp(logCoefficient + (t * LogCoefficientStandardError)), confidenceLevel);
    }

    /// <summary>Gets the exponent a of <c>y = coefficient·x^a</c> (the slope in log–log space).</summary>
    public double Exponent { get; }

    /// <summary>Gets the coefficient <c>e^c</c> of <c>y = coefficient·x^a</c>.</summary>
    public double Coefficient => Math.Exp(LogCoefficient);

    /// <summary>Gets the natural logarithm of the coefficient (the intercept c in log–log space).</summary>
    public double LogCoefficient { get; }

    /// <summary>Gets the standard error of the exponent (NaN with fewer than 3 points).</summary>
    public double ExponentStandardError { get; }

    /// <summary>Gets the standard error of the log coefficient (NaN with fewer than 3 points).</summary>
    public double LogCoefficientStandardError { get; }

    /// <summary>Gets the covariance of the exponent and the log coefficient.</summary>
    public double ExponentLogCoefficientCovariance { get; }

    /// <summary>Gets the interval of the exponent at <see cref="ConfidenceLevel"/>.</summary>
    public ParameterInterval ExponentInterval { get; }

    /// <summary>Gets the interval of the coefficient at <see cref="ConfidenceLevel"/> (exp of the log coefficient's interval).</summary>
    public ParameterInterval CoefficientInterval { get; }

    /// <summary>Gets the residual standard error <c>s</c> of <c>log y</c> for unit weight (NaN with fewer than 3 points).</summary>
    public double ResidualStandardError { get; }

    /// <summary>Gets the (weighted) coefficient of determination of <c>log y</c>.</summary>
    public double RSquared { get; }

    /// <summary>Gets the residuals <c>log y − c − a·log x</c> (unweighted), in input order.</summary>
    public IReadOnlyList<double> Residuals => _residuals;

    /// <summary>Gets the number of points.</summary>
    public int Count { get; }

    /// <summary>Gets the residual degrees of freedom, <c>Count − 2</c>.</summary>
    public int DegreesOfFreedom => Count - 2;

    /// <summary>Gets a value indicating whether weights were given.</summary>
    public bool IsWeighted { get; }

    /// <summary>Gets the nominal coverage of the intervals.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>Gets the smallest x fitted.</summary>
    public double MinimumX { get; }

    /// <summary>Gets the largest x fitted.</summary>
    public double MaximumX { get; }

    /// <summary>Fits <c>y = coefficient·x^exponent</c> by least squares of <c>log y</c> on <c>log x</c>.</summary>
    /// <param name="x">The inputs (for example compute budgets in FLOPs); positive and finite, not all equal.</param>
    /// <param name="y">The outputs (for example optimal parameter counts); positive and finite, as many as <paramref name="x"/>.</param>
    /// <param name="weights">Empty for equal weights, or one positive finite weight per point (for example <c>1/SD(log y)²</c>).</param>
    /// <param name="confidenceLevel">Nominal coverage of the intervals, strictly between 0 and 1. Default 0.95.</param>
    /// <returns>The regression.</returns>
    /// <exception cref="ArgumentException">Lengths differ, there are fewer than 2 points, a value is not positive and finite,
    /// a weight is not positive and finite, or all x are equal.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is not strictly between 0 and 1.</exception>
    public static LogLogRegression Fit(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> weights = default, double confidenceLevel = 0.95)
    {
        DerivedQuantityMath.CheckLevel(confidenceLevel, nameof(confidenceLevel));
        var n = x.Length;
        if (y.Length != n)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"x and y differ in length: {n} and {y.Length}."), nameof(y));
        }

        if (!weights.IsEmpty && weights.Length != n)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"There are {weights.Length} weights for {n} points; pass one weight per point or none."), nameof(weights));
        }

        if (n < 2)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"A log-log regression needs at least 2 points but got {n}."), nameof(x));
        }

        var lx = new double[n];
        var ly = new double[n];
        var w = new double[n];
        var minX = double.PositiveInfinity;
        var maxX = double.NegativeInfinity;
        for (var i = 0; i < n; i++)
        {
            CheckPositive(x[i], "x", i);
            CheckPositive(y[i], "y", i);
            w[i] = weights.IsEmpty ? 1.0 : weights[i];
            if (!(double.IsFinite(w[i]) && w[i] > 0.0))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"weights[{i}] = {w[i]} is not positive and finite; drop the point instead of giving it weight 0."), nameof(weights));
            }

            lx[i] = Math.Log(x[i]);
            ly[i] = Math.Log(y[i]);
            minX = Math.Min(minX, x[i]);
            maxX = Math.Max(maxX, x[i]);
        }

        double sw = 0, mx = 0, my = 0;
        for (var i = 0; i < n; i++)
        {
            sw += w[i];
            mx += w[i] * lx[i];
            my += w[i] * ly[i];
        }

        mx /= sw;
        my /= sw;
        double sxx = 0, sxy = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = lx[i] - mx;
            var dy = ly[i] - my;
            sxx += w[i] * dx * dx;
            sxy += w[i] * dx * dy;
            syy += w[i] * dy * dy;
        }

        if (!(sxx > 0.0))
        {
            throw new ArgumentException("All x values are equal, so the exponent is not identifiable.", nameof(x));
        }

        var slope = sxy / sxx;
        var intercept = my - (slope * mx);
        var residuals = new double[n];
        var rss = 0.0;
        for (var i = 0; i < n; i++)
        {
            residuals[i] = ly[i] - intercept - (slope * lx[i]);
            rss += w[i] * residuals[i] * residuals[i];
        }

        var dof = n - 2;
        var s2 = dof >= 1 ? rss / dof : double.NaN;
        var varSlope = s2 / sxx;
        var varIntercept = s2 * ((1.0 / sw) + (mx * mx / sxx));
        var cov = -mx * s2 / sxx;
        var r2 = syy > 0.0 ? 1.0 - (rss / syy) : double.NaN;
        return new LogLogRegression(slope, intercept, varSlope, varIntercept, cov, Math.Sqrt(s2), r2, n, !weights.IsEmpty,
            confidenceLevel, minX, maxX, residuals);
    }

    /// <summary>Evaluates the fitted power law.</summary>
    /// <param name="x">The input; positive.</param>
    /// <returns><c>coefficient·x^exponent</c>.</returns>
    public double Predict(double x) => Math.Exp(LogCoefficient + (Exponent * Math.Log(x)));

    /// <summary>Predicts at a new input with confidence and prediction intervals at <see cref="ConfidenceLevel"/>.</summary>
    /// <param name="x">The input; positive and finite.</param>
    /// <returns>The prediction; both intervals are multiplicative (built on <c>log y</c>); the prediction interval adds the
    /// residual variance of a unit-weight point.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is not positive and finite.</exception>
    public Prediction Extrapolate(double x) => Extrapolate(x, ConfidenceLevel);

    /// <summary>Predicts at a new input with confidence and prediction intervals.</summary>
    /// <param name="x">The input; positive and finite.</param>
    /// <param name="confidenceLevel">Nominal coverage, strictly between 0 and 1.</param>
    /// <returns>The prediction.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> is not positive and finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is not strictly between 0 and 1.</exception>
    public Prediction Extrapolate(double x, double confidenceLevel)
    {
        CheckPositive(x, "x", -1);
        DerivedQuantityMath.CheckLevel(confidenceLevel, nameof(confidenceLevel));
        var lx = Math.Log(x);
        var logValue = LogCoefficient + (Exponent * lx);
        var variance = (LogCoefficientStandardError * LogCoefficientStandardError) + (2.0 * lx * ExponentLogCoefficientCovariance)
            + (lx * lx * ExponentStandardError * ExponentStandardError);
        var t = DerivedQuantityMath.TQuantile(confidenceLevel, DegreesOfFreedom);
        var half = t * Math.Sqrt(Math.Max(0.0, variance));
        var wide = t * Math.Sqrt(Math.Max(0.0, variance) + (ResidualStandardError * ResidualStandardError));
        var confidence = new ParameterInterval(Math.Exp(logValue - half), Math.Exp(logValue + half), confidenceLevel);
        var prediction = new ParameterInterval(Math.Exp(logValue - wide), Math.Exp(logValue + wide), confidenceLevel);
        var outside = x < MinimumX || x > MaximumX;
        var source = confidence.IsFinite ? IntervalSource.DeltaMethod : IntervalSource.None;
        return new Prediction(Math.Exp(logValue), confidence, prediction, outside ? 1UL : 0UL, outside, source, 0);
    }

    /// <summary>Returns the law with its exponent interval and R² in the invariant culture.</summary>
    /// <returns>For example <c>y = 0.118·x^0.49703 ± 0.0077 [0.480, 0.514] (95%), R² 0.99746, 12 points</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"y = {Coefficient:G6}·x^{Exponent:G6} ± {ExponentStandardError:G3} {ExponentInterval}, R² {RSquared:G6}, {Count} points{(IsWeighted ? ", weighted" : string.Empty)}");

    private static void CheckPositive(double value, string name, int index)
    {
        if (!(double.IsFinite(value) && value > 0.0))
        {
            var label = index >= 0 ? string.Create(CultureInfo.InvariantCulture, $"{name}[{index}]") : name;
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{label} = {value} is not positive and finite; a log-log regression needs positive values."), name);
        }
    }
}
