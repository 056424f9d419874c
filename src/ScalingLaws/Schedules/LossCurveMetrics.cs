using System.Globalization;

namespace ScalingLaws;

/// <summary>
/// How well predicted losses match a logged loss curve: R², mean absolute error, root-mean-square error, mean relative
/// error (PredE) and worst relative error (WorstE), in the definitions of the Multi-Power Law paper and repository.
/// </summary>
/// <remarks>
/// For one curve with losses <c>y_i</c> and predictions <c>ŷ_i</c>: <c>R² = 1 − Σ(y − ŷ)²/Σ(y − ȳ)²</c>,
/// <c>MAE = mean |y − ŷ|</c>, <c>RMSE = √mean (y − ŷ)²</c>, <c>PredE = mean |y − ŷ|/y</c>, <c>WorstE = max |y − ŷ|/y</c>.
/// <see cref="Average"/> averages each metric over curves (as the published test metrics do).
/// </remarks>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class LossCurveMetrics
{
    private LossCurveMetrics(string name, int count, double rSquared, double meanAbsoluteError, double rootMeanSquareError,
        double meanRelativeError, double maxRelativeError)
    {
        Name = name;
        Count = count;
        RSquared = rSquared;
        MeanAbsoluteError = meanAbsoluteError;
        RootMeanSquareError = rootMeanSquareError;
        MeanRelativeError = meanRelativeError;
        MaxRelativeError = maxRelativeError;
    }

    /// <summary>Gets the curve's name, or a description of the averaged curves.</summary>
    public string Name { get; }

    /// <summary>Gets the number of logged points (summed over curves for an average).</summary>
    public int Count { get; }

    /// <summary>Gets the coefficient of determination of the losses, <c>1 − SSres/SStot</c>.</summary>
    public double RSquared { get; }

    /// <summary>Gets the mean absolute error, in loss units.</summary>
    public double MeanAbsoluteError { get; }

    /// <summary>Gets the root-mean-square error, in loss units.</summary>
    public double RootMeanSquareError { get; }

    /// <summary>Gets the mean relative error <c>mean |y − ŷ|/y</c> (the paper's PredE).</summary>
    public double MeanRelativeError { get; }

    /// <summary>Gets the largest relative error <c>max |y − ŷ|/y</c> (the paper's WorstE).</summary>
    public double MaxRelativeError { get; }

    /// <summary>Computes the metrics of one curve.</summary>
    /// <param name="name">The curve's name.</param>
    /// <param name="observed">The logged losses; positive and finite.</param>
    /// <param name="predicted">The predictions at the same steps.</param>
    /// <returns>The metrics; non-finite predictions give non-finite metrics.</returns>
    /// <exception cref="ArgumentException">The lists are empty or differ in length, or an observed loss is not positive and finite.</exception>
    public static LossCurveMetrics Compute(string name, IReadOnlyList<double> observed, IReadOnlyList<double> predicted)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(predicted);
        if (observed.Count == 0 || observed.Count != predicted.Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Metrics need as many predictions as observations (at least one), but got {observed.Count} observations and {predicted.Count} predictions."),
                nameof(predicted));
        }

        var n = observed.Count;
        var mean = 0.0;
        for (var i = 0; i < n; i++)
        {
            var y = observed[i];
            if (!(y > 0.0 && double.IsFinite(y)))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"observed[{i}] = {y} is not positive and finite; relative errors need positive losses."), nameof(observed));
            }

            mean += y;
        }

        mean /= n;
        double ssRes = 0, ssTot = 0, abs = 0, rel = 0, worst = 0;
        for (var i = 0; i < n; i++)
        {
            var y = observed[i];
            var e = y - predicted[i];
            ssRes += e * e;
            ssTot += (y - mean) * (y - mean);
            abs += Math.Abs(e);
            rel += Math.Abs(e) / y;
            worst = double.IsNaN(e) ? double.NaN : Math.Max(worst, Math.Abs(e) / y);
        }

        return new LossCurveMetrics(name, n, 1.0 - (ssRes / ssTot), abs / n, Math.Sqrt(ssRes / n), rel / n, worst);
    }

    /// <summary>Averages each metric over several curves.</summary>
    /// <param name="metrics">The per-curve metrics; at least one.</param>
    /// <param name="name">Name of the average; <see langword="null"/> for <c>mean of N curves</c>.</param>
    /// <returns>The averaged metrics; <see cref="Count"/> is the total number of points.</returns>
    /// <exception cref="ArgumentException">The list is empty.</exception>
    public static LossCurveMetrics Average(IReadOnlyList<LossCurveMetrics> metrics, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        if (metrics.Count == 0 || metrics.Any(m => m is null))
        {
            throw new ArgumentException("At least one set of metrics, none null, is required to average.", nameof(metrics));
        }

        return new LossCurveMetrics(
            name ?? string.Create(CultureInfo.InvariantCulture, $"mean of {metrics.Count} curves"),
            metrics.Sum(m => m.Count),
            metrics.Average(m => m.RSquared),
            metrics.Average(m => m.MeanAbsoluteError),
            metrics.Average(m => m.RootMeanSquareError),
            metrics.Average(m => m.MeanRelativeError),
            metrics.Average(m => m.MaxRelativeError));
    }

    /// <summary>Returns the metrics in the invariant culture.</summary>
    /// <returns>For example <c>cosine_72000 (546 points): R² 0.9983, MAE 0.00435, RMSE 0.00592, PredE 0.00142, WorstE 0.00583</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name} ({Count} points): R² {RSquared:F4}, MAE {MeanAbsoluteError:F5}, RMSE {RootMeanSquareError:F5}, PredE {MeanRelativeError:F5}, WorstE {MaxRelativeError:F5}");
}
