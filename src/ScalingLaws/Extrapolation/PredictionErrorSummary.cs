using System.Globalization;

namespace ScalingLaws;

/// <summary>
/// Summary statistics of prediction errors on held-out observations. Errors are predicted minus observed:
/// relative error <c>ŷ/y − 1</c> and log error <c>log ŷ − log y</c> (so a positive error means the law predicted too high).
/// </summary>
/// <param name="Count">The number of held-out observations.</param>
/// <param name="MeanRelativeError">The mean relative error (signed: the bias).</param>
/// <param name="MeanAbsoluteRelativeError">The mean absolute relative error.</param>
/// <param name="RootMeanSquareRelativeError">The root mean square relative error.</param>
/// <param name="MaximumAbsoluteRelativeError">The largest absolute relative error.</param>
/// <param name="MeanLogError">The mean log error (signed).</param>
/// <param name="MeanAbsoluteLogError">The mean absolute log error.</param>
/// <param name="RootMeanSquareLogError">The root mean square log error.</param>
/// <param name="MaximumAbsoluteLogError">The largest absolute log error.</param>
/// <param name="PredictionIntervalCoverage">The fraction of observations inside their prediction interval (NaN without intervals).</param>
/// <remarks>Observations whose error is NaN (for example a non-positive value for log errors) are left out of the
/// corresponding statistics.</remarks>
public readonly record struct PredictionErrorSummary(int Count, double MeanRelativeError, double MeanAbsoluteRelativeError,
    double RootMeanSquareRelativeError, double MaximumAbsoluteRelativeError, double MeanLogError, double MeanAbsoluteLogError,
    double RootMeanSquareLogError, double MaximumAbsoluteLogError, double PredictionIntervalCoverage)
{
    /// <summary>Returns the summary in the invariant culture.</summary>
    /// <returns>The main statistics on one line.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Count} held out: mean |rel. error| {MeanAbsoluteRelativeError:P2} (bias {MeanRelativeError:P2}, max {MaximumAbsoluteRelativeError:P2}), mean |log error| {MeanAbsoluteLogError:G4} (RMS {RootMeanSquareLogError:G4}), PI coverage {PredictionIntervalCoverage:P0}");

    internal static PredictionErrorSummary From(IReadOnlyList<double> observed, IReadOnlyList<Prediction> predictions,
        double[] relativeErrors, double[] logErrors)
    {
        static (double Mean, double MeanAbs, double Rms, double Max) Stats(double[] errors)
        {
            var finite = errors.Where(e => !double.IsNaN(e)).ToArray();
            if (finite.Length == 0)
            {
                return (double.NaN, double.NaN, double.NaN, double.NaN);
            }

            return (finite.Average(), finite.Average(Math.Abs), Math.Sqrt(finite.Average(e => e * e)), finite.Max(Math.Abs));
        }

        var rel = Stats(relativeErrors);
        var log = Stats(logErrors);
        var withInterval = 0;
        var inside = 0;
        for (var i = 0; i < observed.Count; i++)
        {
            var p = predictions[i];
            if (double.IsNaN(p.PredictionLower) || double.IsNaN(p.PredictionUpper))
            {
                continue;
            }

            withInterval++;
            if (observed[i] >= p.PredictionLower && observed[i] <= p.PredictionUpper)
            {
                inside++;
            }
        }

        return new PredictionErrorSummary(observed.Count, rel.Mean, rel.MeanAbs, rel.Rms, rel.Max, log.Mean, log.MeanAbs, log.Rms, log.Max,
            withInterval > 0 ? (double)inside / withInterval : double.NaN);
    }
}
