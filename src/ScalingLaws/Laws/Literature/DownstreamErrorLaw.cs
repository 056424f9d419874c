using System.Globalization;
using MathNet.Numerics.Distributions;
using ScalingLaws.Internal;

namespace ScalingLaws;

/// <summary>
/// Downstream error as a function of loss (Gadre et al. 2024): <c>Err(L) = epsilon − k·exp(−gamma·L)</c>, with a helper that
/// chains a loss law's prediction for a large model into a downstream-error prediction with an interval.
/// </summary>
/// <remarks>
/// <para>Parameters, in order: <c>epsilon</c> (error approached as the loss grows, typically random-chance error, ≥ 0),
/// <c>k</c> (scale, positive, fitted as a log), <c>gamma</c> (rate, ≥ 0). Input: <c>L</c> (loss, for example validation
/// loss in nats; any finite value).</para>
/// <para>Reference: S. Y. Gadre et al., "Language models scale reliably with over-training and on downstream tasks",
/// arXiv:2403.08540 (2024). The form was checked (issue #9) against the authors' code, github.com/mlfoundations/scaling,
/// <c>scaling/shared.py</c>, which fits <c>E − a·exp(−b·t)</c> to top-1 error against loss t (their a, b, E are our k,
/// gamma, epsilon).</para>
/// <para>epsilon and k enter linearly; the default search scans gamma on 80 logarithmically spaced values in [0.01, 50] and
/// solves them by non-negative least squares (variable projection).</para>
/// </remarks>
/// <example><code>
/// FitResult lossFit = ScalingLawFitter.Fit(new OverTrainingLaw(), smallRuns);            // loss from N and D
/// FitResult errorFit = ScalingLawFitter.Fit(new DownstreamErrorLaw(), lossToError);      // error from loss
/// DownstreamPrediction p = DownstreamErrorLaw.PredictFromLossFit(lossFit, errorFit, [7e9, 1.4e12]);
/// Console.WriteLine(p);   // error 0.4123 [0.3950, 0.4296] (95%), from loss 2.1034 ± 0.0122
/// </code></example>
public sealed class DownstreamErrorLaw : ScalingLaw
{
    private static readonly double[] GammaGrid = LiteratureMath.Logarithmic(0.01, 50.0, 80);

    /// <summary>Creates the law with input name <c>L</c>.</summary>
    public DownstreamErrorLaw()
        : this("L")
    {
    }

    /// <summary>Creates the law with a custom input name (the column the fitter looks for).</summary>
    /// <param name="inputName">Name of the loss column, for example <c>validation_loss</c>.</param>
    public DownstreamErrorLaw(string inputName)
        : base("downstream-error", $"Err = epsilon - k*exp(-gamma*{inputName})",
            [
                new LawParameter("epsilon", "error approached as the loss grows (random chance)", ParameterScale.Linear, 0.0, double.PositiveInfinity),
                new LawParameter("k", "scale of the improvement over chance", ParameterScale.Log, 0.0, double.PositiveInfinity),
                new LawParameter("gamma", "rate at which error falls as loss falls", ParameterScale.Linear, 0.0, double.PositiveInfinity),
            ],
            [new LawInput(inputName, "loss of the model (for example validation loss in nats)", InputDomain.Finite)])
    {
    }

    /// <inheritdoc/>
    public override IReadOnlyList<int> LinearParameterIndices { get; } = [0, 1];

    /// <inheritdoc/>
    public override void Evaluate(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> values, Span<double> jacobian)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var epsilon = parameters[0];
        var k = parameters[1];
        var gamma = parameters[2];
        var loss = inputs.Column(0);
        var withJacobian = !jacobian.IsEmpty;
        for (var i = 0; i < loss.Length; i++)
        {
            var t = Math.Exp(-gamma * loss[i]);
            values[i] = epsilon - (k * t);
            if (withJacobian)
            {
                var row = jacobian.Slice(3 * i, 3);
                row[0] = 1.0;
                row[1] = -t;
                row[2] = k * t * loss[i];
            }
        }
    }

    /// <inheritdoc/>
    public override void EvaluateBasis(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> basis)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var loss = inputs.Column(0);
        var n = loss.Length;
        for (var i = 0; i < n; i++)
        {
            basis[i] = 1.0;
            basis[n + i] = -Math.Exp(-parameters[2] * loss[i]);
        }
    }

    /// <inheritdoc/>
    public override IReadOnlyList<double[]> GetNonlinearSearchGrid() => [[.. GammaGrid]];

    /// <inheritdoc/>
    public override IReadOnlyList<double[]> GetDefaultStarts(LawInputs inputs, ReadOnlySpan<double> target)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var (_, maxLoss) = LiteratureMath.Range(inputs.Column(0));
        var (minError, maxError) = LiteratureMath.Range(target);
        var epsilon = Math.Max(maxError, 0.0) * 1.05;
        var k = Math.Max(epsilon - minError, 1e-6) * Math.Exp(Math.Min(maxLoss, 50.0));
        return [[epsilon, k, 1.0]];
    }

    /// <summary>
    /// Predicts the downstream error of a model from its predicted loss: the loss law of <paramref name="lossFit"/> is evaluated
    /// at <paramref name="inputValues"/>, and the error law of <paramref name="errorFit"/> at that loss. The interval combines
    /// both fits' parameter uncertainty by the delta method, treating the two fits as independent.
    /// </summary>
    /// <param name="lossFit">A fit of loss against model inputs (for example an <see cref="OverTrainingLaw"/> or
    /// <see cref="ChinchillaLaw"/> fit).</param>
    /// <param name="errorFit">A fit of downstream error against loss: its law must have exactly one input (usually a
    /// <see cref="DownstreamErrorLaw"/>).</param>
    /// <param name="inputValues">The inputs of the loss law for the model to predict, in the order of its inputs.</param>
    /// <param name="confidenceLevel">Nominal coverage of the interval, strictly between 0 and 1 (default 0.95).</param>
    /// <returns>The predicted loss and error with standard errors and a normal-theory interval for the error; the standard
    /// errors and interval are NaN when a fit has no covariance.</returns>
    /// <remarks>
    /// <para>Var(Err) = g_Eᵀ·Σ_E·g_E + (dErr/dL)²·g_Lᵀ·Σ_L·g_L, where g are the gradients of each law with respect to its
    /// natural parameters and Σ the fits' covariances. dErr/dL comes from central differences of the error law in its
    /// input. The interval is Err ± z·SE with z the standard normal quantile.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException">A fit or the inputs are null.</exception>
    /// <exception cref="ArgumentException">The error law does not have exactly one input, or <paramref name="inputValues"/>
    /// does not have one value per input of the loss law.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is not strictly between 0 and 1.</exception>
    public static DownstreamPrediction PredictFromLossFit(FitResult lossFit, FitResult errorFit, double[] inputValues,
        double confidenceLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(lossFit);
        ArgumentNullException.ThrowIfNull(errorFit);
        ArgumentNullException.ThrowIfNull(inputValues);
        if (errorFit.Law.Inputs.Count != 1)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The error law '{errorFit.Law.Name}' has {errorFit.Law.Inputs.Count} inputs; it must take the loss as its only input."), nameof(errorFit));
        }

        if (inputValues.Length != lossFit.Law.Inputs.Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The loss law '{lossFit.Law.Name}' takes {lossFit.Law.Inputs.Count} inputs ({string.Join(", ", lossFit.Law.InputNames)}) but {inputValues.Length} values were given."), nameof(inputValues));
        }

        if (!(confidenceLevel > 0.0 && confidenceLevel < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(confidenceLevel), confidenceLevel, "The confidence level must lie strictly between 0 and 1.");
        }

        var (loss, lossVariance) = ValueAndVariance(lossFit, inputValues);
        var (error, errorVariance) = ValueAndVariance(errorFit, [loss]);
        var h = 1e-6 * Math.Max(Math.Abs(loss), 1.0);
        var slope = (errorFit.Predict(loss + h) - errorFit.Predict(loss - h)) / (2.0 * h);
        var standardError = Math.Sqrt(errorVariance + (slope * slope * lossVariance));
        var z = Normal.InvCDF(0.0, 1.0, 0.5 + (confidenceLevel / 2.0));
        return new DownstreamPrediction(loss, Math.Sqrt(lossVariance), error, standardError,
            error - (z * standardError), error + (z * standardError), confidenceLevel);
    }

    private static (double Value, double Variance) ValueAndVariance(FitResult fit, double[] inputValues)
    {
        var law = fit.Law;
        var p = law.ParameterCount;
        var parameters = fit.Parameters.ToArray();
        var values = new double[1];
        var gradient = new double[p];
        var inputs = LawInputs.SinglePoint(inputValues);
        law.Evaluate(parameters, inputs, values, gradient);
        if (!law.HasAnalyticJacobian)
        {
            for (var k = 0; k < p; k++)
            {
                var step = 1e-6 * Math.Max(Math.Abs(parameters[k]), 1e-3);
                var shifted = (double[])parameters.Clone();
                shifted[k] += step;
                var up = law.Evaluate(shifted, inputValues);
                shifted[k] -= 2.0 * step;
                var down = law.Evaluate(shifted, inputValues);
                gradient[k] = (up - down) / (2.0 * step);
            }
        }

        var covariance = fit.Covariance;
        if (covariance is null)
        {
            return (values[0], double.NaN);
        }

        var variance = 0.0;
        for (var a = 0; a < p; a++)
        {
            for (var b = 0; b < p; b++)
            {
                variance += gradient[a] * covariance[a, b] * gradient[b];
            }
        }

        return (values[0], Math.Max(variance, 0.0));
    }
}
