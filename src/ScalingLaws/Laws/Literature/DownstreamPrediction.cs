using System.Globalization;

namespace ScalingLaws;

/// <summary>
/// A downstream-error prediction chained from a loss prediction (see <see cref="DownstreamErrorLaw.PredictFromLossFit"/>):
/// the predicted loss and its standard error, the predicted error, its standard error and a normal-theory interval.
/// </summary>
/// <param name="Loss">The loss predicted by the loss law.</param>
/// <param name="LossStandardError">Standard error of the predicted loss from the loss fit's covariance (NaN when unavailable).</param>
/// <param name="Value">The predicted downstream error (the error law evaluated at <paramref name="Loss"/>).</param>
/// <param name="StandardError">Standard error of the predicted error, combining both fits (NaN when unavailable).</param>
/// <param name="Lower">Lower end of the interval for the error.</param>
/// <param name="Upper">Upper end of the interval for the error.</param>
/// <param name="ConfidenceLevel">Nominal coverage of the interval, for example 0.95.</param>
public readonly record struct DownstreamPrediction(double Loss, double LossStandardError, double Value, double StandardError,
    double Lower, double Upper, double ConfidenceLevel)
{
    /// <summary>Returns the prediction in the invariant culture.</summary>
    /// <returns>For example <c>error 0.4123 [0.3950, 0.4296] (95%), from loss 2.1034 ± 0.0122</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"error {Value:G6} [{Lower:G6}, {Upper:G6}] ({ConfidenceLevel * 100.0:G6}%), from loss {Loss:G6} ± {LossStandardError:G4}");
}
