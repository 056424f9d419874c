using System.Globalization;
using System.Text;

namespace ScalingLaws;

/// <summary>
/// The result of fitting a <see cref="ScalingLaw"/>: natural parameter values with standard errors, covariance and intervals,
/// residuals, goodness of fit, solver diagnostics, warnings and the multi-start summary.
/// </summary>
/// <remarks>
/// <para>Parameters are always natural values (A, not log A), in the order of <see cref="ScalingLaw.ParameterNames"/>.
/// Standard errors of log-scaled parameters are carried over by the delta method (the covariance is computed with the
/// Jacobian with respect to the natural parameters at the optimum).</para>
/// <para>Residuals and R² are in the residual space of the fit (<see cref="FitOptions.ResidualSpace"/>), weighted.</para>
/// <para>A result is returned whatever the solver's outcome; check <see cref="Converged"/> or call
/// <see cref="EnsureConverged"/>.</para>
/// </remarks>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class FitResult
{
    private readonly double[] _parameters;
    private readonly double[] _standardErrors;
    private readonly bool[] _isFixed;
    private readonly double[] _residuals;
    private readonly double[] _fitted;
    private readonly ParameterInterval[] _intervals;
    private readonly string[] _warnings;

    internal FitResult(ScalingLaw law, Observations data, FitOptions options, double[] parameters, double[] standardErrors,
        bool[] isFixed, ParameterMatrix? covariance, ParameterMatrix? correlation, string? covarianceUnavailableReason,
        ParameterInterval[] intervals, double[] residuals, double[] fitted, double objective, double residualSumOfSquares,
        int degreesOfFreedom, double rSquared, double? logLikelihood, double? aic, double? bic, double conditionNumber,
        FitDiagnostics diagnostics, MultiStartSummary multiStart, string[] warnings)
    {
        Law = law;
        Data = data;
        Options = options;
        _parameters = parameters;
        _standardErrors = standardErrors;
        _isFixed = isFixed;
        Covariance = covariance;
        Correlation = correlation;
        CovarianceUnavailableReason = covarianceUnavailableReason;
        _intervals = intervals;
        _residuals = residuals;
        _fitted = fitted;
        Objective = objective;
        ResidualSumOfSquares = residualSumOfSquares;
        DegreesOfFreedom = degreesOfFreedom;
        RSquared = rSquared;
        LogLikelihood = logLikelihood;
        Aic = aic;
        Bic = bic;
        ConditionNumber = conditionNumber;
        Diagnostics = diagnostics;
        MultiStart = multiStart;
        _warnings = warnings;
    }

    /// <summary>Gets the fitted law.</summary>
    public ScalingLaw Law { get; }

    /// <summary>Gets the observations that were fitted (after any filters).</summary>
    public Observations Data { get; }

    /// <summary>Gets the options the fit used.</summary>
    public FitOptions Options { get; }

    /// <summary>Gets the parameter names, in order.</summary>
    public IReadOnlyList<string> ParameterNames => Law.ParameterNames;

    /// <summary>Gets the natural parameter values, in the order of <see cref="ParameterNames"/>.</summary>
    public IReadOnlyList<double> Parameters => _parameters;

    /// <summary>Gets the standard errors (square roots of the covariance diagonal); NaN where unavailable, 0 for fixed parameters.</summary>
    public IReadOnlyList<double> StandardErrors => _standardErrors;

    /// <summary>Gets, for every parameter, whether it was held fixed.</summary>
    public IReadOnlyList<bool> IsFixed => _isFixed;

    /// <summary>Gets the parameter covariance, or <see langword="null"/> with <see cref="CovarianceUnavailableReason"/> saying why.</summary>
    public ParameterMatrix? Covariance { get; }

    /// <summary>Gets the parameter correlation matrix, or <see langword="null"/> when the covariance is unavailable.</summary>
    public ParameterMatrix? Correlation { get; }

    /// <summary>Gets why the covariance is unavailable, or <see langword="null"/> when it is available.</summary>
    public string? CovarianceUnavailableReason { get; }

    /// <summary>Gets the asymptotic (Student-t, Wald) intervals of the parameters at <see cref="FitOptions.ConfidenceLevel"/>:
    /// <c>value ± t·SE</c>, and <c>value·exp(±t·SE/value)</c> (on the log scale, so positive) for log-scaled parameters;
    /// NaN ends where the covariance is unavailable. A warning names the parameters whose intervals the linearisation does
    /// not hold across (<see cref="FitOptions.CheckIntervalCurvature"/>).</summary>
    public IReadOnlyList<ParameterInterval> ConfidenceIntervals => _intervals;

    /// <summary>Gets the residuals, observed − fitted, in the fit's residual space and multiplied by √weight, in input order.</summary>
    public IReadOnlyList<double> Residuals => _residuals;

    /// <summary>Gets the fitted values of the law at the observations (natural units).</summary>
    public IReadOnlyList<double> FittedValues => _fitted;

    /// <summary>Gets the minimised objective: the residual sum of squares for least squares, the Huber sum for Huber.</summary>
    public double Objective { get; }

    /// <summary>Gets the (weighted) residual sum of squares in the residual space.</summary>
    public double ResidualSumOfSquares { get; }

    /// <summary>Gets the degrees of freedom: observations minus free parameters.</summary>
    public int DegreesOfFreedom { get; }

    /// <summary>Gets the coefficient of determination in the residual space, <c>1 − RSS/TSS</c>.</summary>
    public double RSquared { get; }

    /// <summary>Gets the Gaussian log-likelihood at the maximum-likelihood variance (least-squares fits only; for log residuals it
    /// is the likelihood of log y).</summary>
    public double? LogLikelihood { get; }

    /// <summary>Gets Akaike's information criterion <c>2k − 2·logL</c> with k = free parameters + 1 (least-squares fits only).</summary>
    public double? Aic { get; }

    /// <summary>Gets the Bayesian information criterion <c>k·ln n − 2·logL</c> (least-squares fits only).</summary>
    public double? Bic { get; }

    /// <summary>Gets the condition number of the column-equilibrated <c>JᵀJ</c> at the solution (scale-free).</summary>
    public double ConditionNumber { get; }

    /// <summary>Gets how the solver ended for the best start.</summary>
    public FitDiagnostics Diagnostics { get; }

    /// <summary>Gets what the multi-start search did.</summary>
    public MultiStartSummary MultiStart { get; }

    /// <summary>Gets warnings about the fit (parameters at bounds, strong correlations, ill-conditioning, non-convergence).</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>Gets a value indicating whether the solver converged.</summary>
    public bool Converged => Diagnostics.Status == FitStatus.Converged;

    /// <summary>Gets a fitted parameter by name.</summary>
    /// <param name="parameterName">The parameter's name.</param>
    /// <returns>Its natural value.</returns>
    /// <exception cref="ArgumentException">The law has no such parameter.</exception>
    public double this[string parameterName] => _parameters[Law.IndexOfParameter(parameterName)];

    /// <summary>Gets the standard error of a parameter by name.</summary>
    /// <param name="parameterName">The parameter's name.</param>
    /// <returns>The standard error (NaN when unavailable).</returns>
    public double StandardError(string parameterName) => _standardErrors[Law.IndexOfParameter(parameterName)];

    /// <summary>Predicts the law's value at one point.</summary>
    /// <param name="inputValues">One value per input of the law, in the order of <see cref="ScalingLaw.Inputs"/>.</param>
    /// <returns>The prediction in natural units.</returns>
    /// <exception cref="ArgumentException">The number of inputs is wrong, or a value is outside its input's domain.</exception>
    public double Predict(params double[] inputValues)
    {
        ArgumentNullException.ThrowIfNull(inputValues);
        return Law.Evaluate(_parameters, inputValues);
    }

    /// <summary>Predicts the law's value at every row of a set of observations (columns matched by name).</summary>
    /// <param name="data">The observations; they need a column per input of the law.</param>
    /// <returns>One prediction per row.</returns>
    /// <exception cref="ArgumentException">A column is missing, or a value is outside its input's domain.</exception>
    public double[] Predict(Observations data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var columns = new double[Law.Inputs.Count][];
        for (var j = 0; j < columns.Length; j++)
        {
            var input = Law.Inputs[j];
            if (!data.HasColumn(input.Name))
            {
                throw new ArgumentException(
                    $"Law '{Law.Name}' needs an input column '{input.Name}' ({input.Description}), but the observations have only {string.Join(", ", data.ColumnNames.Select(c => $"'{c}'"))}.",
                    nameof(data));
            }

            columns[j] = data.ColumnArray(data.IndexOfColumn(input.Name));
            for (var i = 0; i < columns[j].Length; i++)
            {
                if (!input.Accepts(columns[j][i]))
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"{input.Name}[{i}] = {columns[j][i]} is not {input.DomainRule}; law '{Law.Name}' needs {input.Name} {input.DomainRule}."), nameof(data));
                }
            }
        }

        var values = new double[data.Count];
        Law.Evaluate(_parameters, new LawInputs(columns), values, []);
        return values;
    }

    /// <summary>Returns this result when it converged, and throws otherwise.</summary>
    /// <returns>This result.</returns>
    /// <exception cref="FitFailedException">The fit did not converge; the exception carries this result.</exception>
    public FitResult EnsureConverged() => Converged ? this : throw new FitFailedException(this);

    /// <summary>Returns a readable multi-line summary in the invariant culture.</summary>
    /// <returns>The summary: law, parameters with standard errors and intervals, goodness of fit, diagnostics and warnings.</returns>
    public override string ToString()
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(ci, $"{Law.Name}: {Law.Formula}").AppendLine();
        sb.Append(ci, $"  loss {Options.Loss} on {Options.ResidualSpace.ToString().ToUpperInvariant()} residuals, {Data.Count} observations, {DegreesOfFreedom} degrees of freedom").AppendLine();
        for (var k = 0; k < _parameters.Length; k++)
        {
            var name = Law.ParameterNames[k];
            if (_isFixed[k])
            {
                sb.Append(ci, $"  {name,-8} = {_parameters[k],14:G8}  (fixed)").AppendLine();
                continue;
            }

            sb.Append(ci, $"  {name,-8} = {_parameters[k],14:G8} ± {_standardErrors[k]:G4}");
            if (_intervals[k].IsFinite)
            {
                sb.Append(ci, $"   {_intervals[k]}");
            }

            sb.AppendLine();
        }

        sb.Append(ci, $"  objective {Objective:G10}, RSS {ResidualSumOfSquares:G6}, R² {RSquared:F6}");
        if (Aic is { } aic)
        {
            sb.Append(ci, $", AIC {aic:F3}, BIC {Bic:F3}");
        }

        sb.AppendLine();
        sb.Append(ci, $"  {Diagnostics}").AppendLine();
        sb.Append(ci, $"  {MultiStart}").AppendLine();
        if (CovarianceUnavailableReason is not null)
        {
            sb.Append(ci, $"  covariance unavailable: {CovarianceUnavailableReason}").AppendLine();
        }

        foreach (var w in _warnings)
        {
            sb.Append(ci, $"  warning: {w}").AppendLine();
        }

        return sb.ToString().TrimEnd();
    }
}
