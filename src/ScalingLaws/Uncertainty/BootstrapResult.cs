using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;
using ScalingLaws.Internal;

namespace ScalingLaws;

/// <summary>
/// The result of <see cref="Bootstrap.Run"/>: the bootstrap distribution of every parameter (successful resamples only),
/// standard errors, covariance and correlations, intervals (percentile, basic, BCa) for parameters and for any quantity
/// derived from them, and an account of the resamples that failed.
/// </summary>
/// <remarks>
/// <para>Standard errors and covariances use ddof = 1 (numpy's <c>np.cov</c>, the convention of Epoch AI's bootstrap).
/// Quantiles interpolate linearly between order statistics (numpy's default).</para>
/// <para>BCa intervals need the jackknife acceleration: the first BCa request refits the law with each row (or, for cluster
/// resampling, each group) left out in turn, and keeps those refits for later requests. Percentile and basic intervals need
/// no further fits.</para>
/// </remarks>
/// <threadsafety>Immutable (the jackknife is computed once, thread-safely, on first use); safe to share between threads.</threadsafety>
public sealed class BootstrapResult
{
    private readonly double[][] _samples;
    private readonly ReadOnlyCollection<IReadOnlyList<double>> _sampleViews;
    private readonly double[] _standardErrors;
    private readonly double[] _means;
    private readonly Lazy<double[][]> _jackknife;
    private readonly string[] _warnings;

    internal BootstrapResult(FitResult fit, BootstrapOptions options, double[][] draws, FitStatus[] statuses, Lazy<double[][]> jackknife)
    {
        Fit = fit;
        Options = options;
        _jackknife = jackknife;
        TotalResamples = draws.Length;
        var failures = new SortedDictionary<FitStatus, int>();
        var kept = new List<double[]>(draws.Length);
        for (var b = 0; b < draws.Length; b++)
        {
            if (statuses[b] == FitStatus.Converged && draws[b].All(double.IsFinite))
            {
                kept.Add(draws[b]);
            }
            else
            {
                var status = statuses[b] == FitStatus.Converged ? FitStatus.NonFinite : statuses[b];
                failures[status] = failures.GetValueOrDefault(status) + 1;
            }
        }

        _samples = [.. kept];
        _sampleViews = _samples.Select(s => (IReadOnlyList<double>)Array.AsReadOnly(s)).ToList().AsReadOnly();
        FailedResamples = draws.Length - _samples.Length;
        FailuresByStatus = new ReadOnlyDictionary<FitStatus, int>(failures);

        var p = fit.Parameters.Count;
        _means = new double[p];
        _standardErrors = new double[p];
        var covariance = new double[p, p];
        var correlation = new double[p, p];
        var m = _samples.Length;
        for (var k = 0; k < p; k++)
        {
            _means[k] = m > 0 ? _samples.Average(s => s[k]) : double.NaN;
        }

        for (var a = 0; a < p; a++)
        {
            for (var c = 0; c <= a; c++)
            {
                var sum = 0.0;
                foreach (var s in _samples)
                {
                    sum += (s[a] - _means[a]) * (s[c] - _means[c]);
                }

                covariance[a, c] = covariance[c, a] = m > 1 ? sum / (m - 1) : double.NaN;
            }

            _standardErrors[a] = Math.Sqrt(covariance[a, a]);
        }

        for (var a = 0; a < p; a++)
        {
            for (var c = 0; c < p; c++)
            {
                var s = _standardErrors[a] * _standardErrors[c];
                correlation[a, c] = s > 0.0 ? covariance[a, c] / s : double.NaN;
            }
        }

        Covariance = new ParameterMatrix(fit.ParameterNames, covariance);
        Correlation = new ParameterMatrix(fit.ParameterNames, correlation);

        var warnings = new List<string>();
        if (fit.DegreesOfFreedom < 1)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"the fit has no residual degrees of freedom ({fit.Data.Count} observations for {fit.Data.Count - fit.DegreesOfFreedom} free parameters): it interpolates its data, so every resample is fitted exactly and the bootstrap spread says nothing about the uncertainty"));
        }
        if (!fit.Converged)
        {
            warnings.Add($"the point estimate did not converge ({fit.Diagnostics.Status}); the resamples were warm-started from it anyway");
        }

        if (FailedResamples > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{FailedResamples} of {TotalResamples} resamples failed ({string.Join(", ", failures.Select(f => $"{f.Key} {f.Value}"))}) and are left out of the distribution; if there are many, intervals may be too narrow"));
        }

        if (_samples.Length < 2)
        {
            warnings.Add("fewer than two resamples succeeded: standard errors and intervals are undefined (NaN)");
        }

        _warnings = [.. warnings];
    }

    /// <summary>Gets the fit that was bootstrapped (its parameters are the point estimates θ̂).</summary>
    public FitResult Fit { get; }

    /// <summary>Gets the options of the run.</summary>
    public BootstrapOptions Options { get; }

    /// <summary>Gets the parameter names, in order.</summary>
    public IReadOnlyList<string> ParameterNames => Fit.ParameterNames;

    /// <summary>Gets the number of resamples drawn (successful or not).</summary>
    public int TotalResamples { get; }

    /// <summary>Gets the number of resamples whose refit succeeded (the size of <see cref="Samples"/>).</summary>
    public int SuccessfulResamples => _samples.Length;

    /// <summary>Gets the number of resamples whose refit did not converge or was not finite; they are not in
    /// <see cref="Samples"/> and are broken down in <see cref="FailuresByStatus"/>.</summary>
    public int FailedResamples { get; }

    /// <summary>Gets the failed resamples counted by solver status (empty when none failed).</summary>
    public IReadOnlyDictionary<FitStatus, int> FailuresByStatus { get; }

    /// <summary>Gets the natural parameter vectors of the successful resamples, in resample order (each in the order of
    /// <see cref="ParameterNames"/>).</summary>
    public IReadOnlyList<IReadOnlyList<double>> Samples => _sampleViews;

    /// <summary>Gets the bootstrap standard errors: the standard deviations (ddof = 1) of the parameter draws; 0 for fixed
    /// parameters, NaN with fewer than two successful resamples.</summary>
    public IReadOnlyList<double> StandardErrors => _standardErrors;

    /// <summary>Gets the means of the parameter draws (the bootstrap estimate of bias is the mean minus the estimate).</summary>
    public IReadOnlyList<double> Means => _means;

    /// <summary>Gets the bootstrap covariance of the parameters (ddof = 1).</summary>
    public ParameterMatrix Covariance { get; }

    /// <summary>Gets the bootstrap correlation of the parameters (NaN for fixed parameters).</summary>
    public ParameterMatrix Correlation { get; }

    /// <summary>Gets warnings about the run (non-converged point estimate, failed resamples, no residual degrees of freedom).</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>Gets the bootstrap standard error of one parameter.</summary>
    /// <param name="parameterName">The parameter's name.</param>
    /// <returns>The standard error.</returns>
    /// <exception cref="ArgumentException">The law has no such parameter.</exception>
    public double StandardError(string parameterName) => _standardErrors[IndexOf(parameterName)];

    /// <summary>Gets the bootstrap draws of one parameter, in resample order.</summary>
    /// <param name="parameterName">The parameter's name.</param>
    /// <returns>A new array with one value per successful resample.</returns>
    /// <exception cref="ArgumentException">The law has no such parameter.</exception>
    public double[] Distribution(string parameterName)
    {
        var k = IndexOf(parameterName);
        return _samples.Select(s => s[k]).ToArray();
    }

    /// <summary>Computes a bootstrap interval for one parameter.</summary>
    /// <param name="parameterName">The parameter's name.</param>
    /// <param name="level">The confidence level, strictly between 0 and 1 (for example 0.95).</param>
    /// <param name="method">How to read the interval off the distribution.</param>
    /// <returns>The interval; NaN ends with fewer than two successful resamples.</returns>
    /// <exception cref="ArgumentException">The law has no such parameter.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not in (0, 1) or <paramref name="method"/>
    /// is not defined.</exception>
    public ParameterInterval Interval(string parameterName, double level, BootstrapIntervalMethod method)
    {
        var k = IndexOf(parameterName);
        CheckLevelAndMethod(level, method);
        return BootstrapStatistics.Interval(_samples.Select(s => s[k]), Fit.Parameters[k], () => _jackknife.Value.Select(j => j[k]), level, method);
    }

    /// <summary>Computes bootstrap intervals for every parameter.</summary>
    /// <param name="level">The confidence level, strictly between 0 and 1.</param>
    /// <param name="method">How to read the intervals off the distribution.</param>
    /// <returns>One interval per parameter, in the order of <see cref="ParameterNames"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not in (0, 1) or <paramref name="method"/>
    /// is not defined.</exception>
    public IReadOnlyList<ParameterInterval> Intervals(double level, BootstrapIntervalMethod method)
        => ParameterNames.Select(name => Interval(name, level, method)).ToArray();

    /// <summary>Evaluates a quantity derived from the parameters on every successful resample.</summary>
    /// <param name="quantity">Maps natural parameters (in the order of <see cref="ParameterNames"/>) to a scalar, for example
    /// the compute-optimal exponent <c>p => p[4] / (p[2] + p[4])</c> of <see cref="ChinchillaLaw"/>.</param>
    /// <returns>A new array with one value per successful resample (non-finite values are kept as returned).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="quantity"/> is null.</exception>
    public double[] DerivedDistribution(Func<IReadOnlyList<double>, double> quantity)
    {
        ArgumentNullException.ThrowIfNull(quantity);
        return _sampleViews.Select(quantity).ToArray();
    }

    /// <summary>Computes the bootstrap standard error (ddof = 1) of a derived quantity; non-finite values are ignored.</summary>
    /// <param name="quantity">Maps natural parameters to a scalar.</param>
    /// <returns>The standard error.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="quantity"/> is null.</exception>
    public double DerivedStandardError(Func<IReadOnlyList<double>, double> quantity)
        => BootstrapStatistics.StandardDeviation(DerivedDistribution(quantity));

    /// <summary>Computes a bootstrap interval for a derived quantity; non-finite values are ignored.</summary>
    /// <param name="quantity">Maps natural parameters (in the order of <see cref="ParameterNames"/>) to a scalar.</param>
    /// <param name="level">The confidence level, strictly between 0 and 1.</param>
    /// <param name="method">How to read the interval off the distribution.</param>
    /// <returns>The interval; NaN ends with fewer than two finite values.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="quantity"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not in (0, 1) or <paramref name="method"/>
    /// is not defined.</exception>
    public ParameterInterval DerivedInterval(Func<IReadOnlyList<double>, double> quantity, double level, BootstrapIntervalMethod method)
    {
        ArgumentNullException.ThrowIfNull(quantity);
        CheckLevelAndMethod(level, method);
        return BootstrapStatistics.Interval(DerivedDistribution(quantity), quantity(Fit.Parameters), () => _jackknife.Value.Select(j => quantity(j)),
            level, method);
    }

    /// <summary>Returns a readable summary in the invariant culture: resamples, failures, and for every parameter the
    /// estimate, bootstrap standard error and percentile interval at the fit's confidence level.</summary>
    /// <returns>The summary.</returns>
    public override string ToString()
    {
        var ci = CultureInfo.InvariantCulture;
        var level = Fit.Options.ConfidenceLevel;
        var sb = new StringBuilder();
        sb.Append(ci, $"bootstrap of {Fit.Law.Name}: {Options.Resampling.ToString().ToLowerInvariant()} resampling, {TotalResamples} resamples ({(Options.ExplicitRows is null ? $"seed {Options.Seed}" : "explicit rows")}{(Options.MultiStart ? ", multi-start" : ", warm start")}), {SuccessfulResamples} succeeded, {FailedResamples} failed").AppendLine();
        for (var k = 0; k < ParameterNames.Count; k++)
        {
            var name = ParameterNames[k];
            if (Fit.IsFixed[k])
            {
                sb.Append(ci, $"  {name,-8} = {Fit.Parameters[k],14:G8}  (fixed)").AppendLine();
                continue;
            }

            var interval = Interval(name, level, BootstrapIntervalMethod.Percentile);
            sb.Append(ci, $"  {name,-8} = {Fit.Parameters[k],14:G8}  bootstrap SE {_standardErrors[k]:G4}   percentile {interval}").AppendLine();
        }

        foreach (var w in _warnings)
        {
            sb.Append(ci, $"  warning: {w}").AppendLine();
        }

        return sb.ToString().TrimEnd();
    }

    private static void CheckLevelAndMethod(double level, BootstrapIntervalMethod method)
    {
        if (!(level > 0.0 && level < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "The confidence level must lie strictly between 0 and 1.");
        }

        if (!Enum.IsDefined(method))
        {
            throw new ArgumentOutOfRangeException(nameof(method), method, "Not a defined BootstrapIntervalMethod.");
        }
    }

    private int IndexOf(string parameterName)
    {
        ArgumentNullException.ThrowIfNull(parameterName);
        return Fit.Law.IndexOfParameter(parameterName);
    }
}
