using System.Globalization;

namespace ScalingLaws;

/// <summary>
/// A prediction of a fitted law at new inputs: the point value, a confidence interval for the law's value (parameter
/// uncertainty only), a prediction interval for a new observation (parameter uncertainty plus residual noise), and flags
/// for inputs outside the range the law was fitted on.
/// </summary>
/// <remarks>
/// <para>For fits on log residuals (<see cref="ResidualSpace.Log"/>) both intervals are built on <c>log y</c> and mapped
/// back, so they are multiplicative (asymmetric around <see cref="Value"/>) and stay positive; for linear residuals they
/// are additive.</para>
/// <para>Interval ends are NaN when they cannot be computed (no covariance, no degrees of freedom, no valid draw);
/// <see cref="Source"/> then is <see cref="IntervalSource.None"/>.</para>
/// <para>Extrapolating is the point of a scaling law, so inputs outside the fitted range are flagged rather than rejected:
/// check <see cref="IsOutsideFittedRange"/> and <see cref="IsInputOutsideFittedRange"/>.</para>
/// </remarks>
public readonly record struct Prediction
{
    private readonly ulong _outsideInputs;

    internal Prediction(double value, ParameterInterval confidence, ParameterInterval prediction, ulong outsideInputs,
        bool isOutsideFittedRange, IntervalSource source, int sampleCount)
    {
        Value = value;
        ConfidenceLower = confidence.Lower;
        ConfidenceUpper = confidence.Upper;
        PredictionLower = prediction.Lower;
        PredictionUpper = prediction.Upper;
        ConfidenceLevel = confidence.ConfidenceLevel;
        _outsideInputs = outsideInputs;
        IsOutsideFittedRange = isOutsideFittedRange;
        Source = source;
        SampleCount = sampleCount;
    }

    /// <summary>Gets the point prediction (the law evaluated at the fitted parameters), in natural units.</summary>
    public double Value { get; }

    /// <summary>Gets the lower end of the confidence interval of the law's value.</summary>
    public double ConfidenceLower { get; }

    /// <summary>Gets the upper end of the confidence interval of the law's value.</summary>
    public double ConfidenceUpper { get; }

    /// <summary>Gets the lower end of the prediction interval of a new observation (adds the fit's residual noise).</summary>
    public double PredictionLower { get; }

    /// <summary>Gets the upper end of the prediction interval of a new observation (adds the fit's residual noise).</summary>
    public double PredictionUpper { get; }

    /// <summary>Gets the nominal coverage of both intervals, for example 0.95.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>Gets a value indicating whether any input lies outside the range of that input in the fitted data.</summary>
    public bool IsOutsideFittedRange { get; }

    /// <summary>Gets where the intervals come from.</summary>
    public IntervalSource Source { get; }

    /// <summary>Gets the number of parameter draws that gave a value (0 for the delta method).</summary>
    public int SampleCount { get; }

    /// <summary>Gets the confidence interval as a <see cref="ParameterInterval"/>.</summary>
    public ParameterInterval ConfidenceInterval => new(ConfidenceLower, ConfidenceUpper, ConfidenceLevel);

    /// <summary>Gets the prediction interval as a <see cref="ParameterInterval"/>.</summary>
    public ParameterInterval PredictionInterval => new(PredictionLower, PredictionUpper, ConfidenceLevel);

    /// <summary>Returns whether one input lies outside its range in the fitted data.</summary>
    /// <param name="inputIndex">Zero-based input index, in the order of <see cref="ScalingLaw.Inputs"/>.</param>
    /// <returns><see langword="true"/> when the input is below the smallest or above the largest fitted value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inputIndex"/> is negative or at least 64.</exception>
    public bool IsInputOutsideFittedRange(int inputIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(inputIndex, 64);
        return (_outsideInputs & (1UL << inputIndex)) != 0;
    }

    /// <summary>Returns the value with both intervals in the invariant culture.</summary>
    /// <returns>For example <c>1.934 CI [1.921, 1.947] PI [1.90, 1.97] (95%, delta method, outside fitted range)</c>.</returns>
    public override string ToString()
    {
        var source = Source switch
        {
            IntervalSource.DeltaMethod => "delta method",
            IntervalSource.ParameterDraws => string.Create(CultureInfo.InvariantCulture, $"{SampleCount} draws"),
            _ => "no interval",
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"{Value:G6} CI [{ConfidenceLower:G6}, {ConfidenceUpper:G6}] PI [{PredictionLower:G6}, {PredictionUpper:G6}] ({ConfidenceLevel * 100:G6}%, {source}{(IsOutsideFittedRange ? ", outside fitted range" : string.Empty)})");
    }
}
