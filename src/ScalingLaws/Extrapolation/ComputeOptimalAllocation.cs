using System.Globalization;
using ScalingLaws.Internal;

namespace ScalingLaws;

/// <summary>
/// Compute-optimal allocation for a Chinchilla-style law <c>L(N, D) = E + A/N^alpha + B/D^beta</c> under the compute
/// constraint <c>C = k·N·D</c>: the optimal parameter and token counts for a budget, the loss they reach, the compute a
/// target loss needs, and intervals for all of these from the fit's covariance or from parameter draws.
/// </summary>
/// <remarks>
/// <para>Closed form (Hoffmann et al. 2022, eq. 4; methods.md §2): with <c>G = (alpha·A/(beta·B))^(1/(alpha+beta))</c>,
/// <c>a = beta/(alpha+beta)</c> and <c>b = alpha/(alpha+beta)</c>,
/// <c>N_opt(C) = G·(C/k)^a</c>, <c>D_opt(C) = G^(−1)·(C/k)^b</c> (so <c>k·N_opt·D_opt = C</c>) and
/// <c>L_opt(C) = E + A·N_opt^(−alpha) + B·D_opt^(−beta)</c>.</para>
/// <para>Inverse: at the optimum <c>alpha·A·N^(−alpha) = beta·B·D^(−beta)</c>, so <c>L_opt − E = A·N_opt^(−alpha)·(alpha+beta)/beta</c>;
/// a target loss L > E needs <c>N = ((L − E)·beta/(A·(alpha+beta)))^(−1/alpha)</c> and <c>C = k·(N/G)^(1/a)</c>.
/// A target at or below E needs infinite compute: <see cref="AllocateForLoss"/> then returns a point with
/// <see cref="ComputeOptimalPoint.IsReachable"/> false instead of throwing.</para>
/// <para>Everything is computed in logarithms, so results are accurate to a few ulps across the whole range of budgets.</para>
/// <para>Intervals: the delta method on the fit's covariance (positive quantities on the log scale, exponents on the linear
/// scale; Student-t quantile on the fit's degrees of freedom), or equal-tailed percentiles over parameter draws such as
/// bootstrap samples. Draws with a non-positive scale or exponent give no value and are not counted.</para>
/// <para>k = 6 (the default) counts forward and backward passes of a dense transformer (Kaplan et al. 2020).</para>
/// </remarks>
/// <example><code>
/// var allocation = ComputeOptimalAllocation.FromFit(fit);           // fit of a ChinchillaLaw
/// ComputeOptimalPoint p = allocation.Allocate(5.76e23);             // N_opt, D_opt, L_opt
/// ComputeOptimalEstimate e = allocation.Estimate(5.76e23);          // with delta-method intervals
/// ComputeOptimalEstimate b = allocation.Estimate(5.76e23, boot.Samples, 0.8);
/// ComputeOptimalPoint need = allocation.AllocateForLoss(2.0);      // compute for a target loss
/// </code></example>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class ComputeOptimalAllocation
{
    /// <summary>The default number of FLOPs per parameter and token, k = 6.</summary>
    public const double DefaultFlopsPerParameterToken = 6.0;

    private static readonly string[] Names = ["E", "A", "alpha", "B", "beta"];
    private readonly double[] _parameters;
    private readonly int[] _indices;
    private readonly int _drawLength;

    private ComputeOptimalAllocation(double[] parameters, double flopsPerParameterToken, FitResult? fit, int[] indices, int drawLength)
    {
        _parameters = parameters;
        FlopsPerParameterToken = flopsPerParameterToken;
        Fit = fit;
        _indices = indices;
        _drawLength = drawLength;
    }

    /// <summary>Gets the law's parameters in the order E, A, alpha, B, beta (natural values).</summary>
    public IReadOnlyList<double> Parameters => _parameters;

    /// <summary>Gets the parameter names, <c>E, A, alpha, B, beta</c>.</summary>
    public static IReadOnlyList<string> ParameterNames => Names;

    /// <summary>Gets the irreducible loss E: the loss approached as compute grows without bound.</summary>
    public double IrreducibleLoss => _parameters[0];

    /// <summary>Gets k, the FLOPs per parameter and training token in <c>C = k·N·D</c>.</summary>
    public double FlopsPerParameterToken { get; }

    /// <summary>Gets the fit the allocation was built from, or <see langword="null"/> when it was built from parameters.</summary>
    public FitResult? Fit { get; }

    /// <summary>Gets the exponent a of <c>N_opt ∝ C^a</c>: <c>beta/(alpha+beta)</c>.</summary>
    public double ParameterCountExponent => ExponentA(_parameters);

    /// <summary>Gets the exponent b of <c>D_opt ∝ C^b</c>: <c>alpha/(alpha+beta)</c> (<c>a + b = 1</c>).</summary>
    public double TokenCountExponent => _parameters[2] / (_parameters[2] + _parameters[4]);

    /// <summary>Gets the coefficient of <c>N_opt = coefficient·C^a</c>: <c>G·k^(−a)</c>.</summary>
    public double ParameterCountCoefficient => Math.Exp(LogG(_parameters) - (ExponentA(_parameters) * Math.Log(FlopsPerParameterToken)));

    /// <summary>Gets the coefficient of <c>D_opt = coefficient·C^b</c>: <c>G^(−1)·k^(−b)</c>.</summary>
    public double TokenCountCoefficient => Math.Exp(-LogG(_parameters) - (TokenCountExponent * Math.Log(FlopsPerParameterToken)));

    /// <summary>Creates the allocation from a fit of a Chinchilla-style law (parameters looked up by the names
    /// <c>E, A, alpha, B, beta</c>, as in <see cref="ChinchillaLaw"/>).</summary>
    /// <param name="fit">The fit; its law must have parameters named E, A, alpha, B and beta.</param>
    /// <param name="flopsPerParameterToken">k in <c>C = k·N·D</c>; positive and finite. Default 6.</param>
    /// <returns>The allocation; intervals use the fit's covariance, and draws are in the fit's parameter order.</returns>
    /// <exception cref="ArgumentException">The law lacks one of the parameters, or a fitted value makes the closed form invalid
    /// (E negative, A or B not positive, alpha or beta not positive).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="flopsPerParameterToken"/> is not positive and finite.</exception>
    public static ComputeOptimalAllocation FromFit(FitResult fit, double flopsPerParameterToken = DefaultFlopsPerParameterToken)
    {
        ArgumentNullException.ThrowIfNull(fit);
        CheckK(flopsPerParameterToken);
        var indices = IndicesOf(fit.ParameterNames, fit.Law.Name, nameof(fit));
        var parameters = indices.Select(i => fit.Parameters[i]).ToArray();
        CheckParameters(parameters, nameof(fit));
        return new ComputeOptimalAllocation(parameters, flopsPerParameterToken, fit, indices, fit.Parameters.Count);
    }

    /// <summary>Creates the allocation from parameter values (for example a published fit).</summary>
    /// <param name="irreducibleLoss">E, the irreducible loss; finite and ≥ 0.</param>
    /// <param name="parameterScale">A, the scale of the parameter-count term; positive and finite.</param>
    /// <param name="parameterExponent">alpha, the exponent of the parameter-count term; positive and finite.</param>
    /// <param name="tokenScale">B, the scale of the data term; positive and finite.</param>
    /// <param name="tokenExponent">beta, the exponent of the data term; positive and finite.</param>
    /// <param name="flopsPerParameterToken">k in <c>C = k·N·D</c>; positive and finite. Default 6.</param>
    /// <returns>The allocation (no covariance: intervals need parameter draws in the order E, A, alpha, B, beta).</returns>
    /// <exception cref="ArgumentException">A parameter is outside its domain.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="flopsPerParameterToken"/> is not positive and finite.</exception>
    public static ComputeOptimalAllocation FromParameters(double irreducibleLoss, double parameterScale, double parameterExponent,
        double tokenScale, double tokenExponent, double flopsPerParameterToken = DefaultFlopsPerParameterToken)
        => FromParameters([irreducibleLoss, parameterScale, parameterExponent, tokenScale, tokenExponent], flopsPerParameterToken);

    /// <summary>Creates the allocation from a parameter vector in the order E, A, alpha, B, beta
    /// (for example <see cref="ChinchillaLaw.HoffmannParameters"/>).</summary>
    /// <param name="parameters">E, A, alpha, B, beta.</param>
    /// <param name="flopsPerParameterToken">k in <c>C = k·N·D</c>; positive and finite. Default 6.</param>
    /// <returns>The allocation.</returns>
    /// <exception cref="ArgumentException">The vector does not have 5 values, or a value is outside its domain.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="flopsPerParameterToken"/> is not positive and finite.</exception>
    public static ComputeOptimalAllocation FromParameters(IReadOnlyList<double> parameters, double flopsPerParameterToken = DefaultFlopsPerParameterToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        CheckK(flopsPerParameterToken);
        if (parameters.Count != Names.Length)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Expected 5 parameters (E, A, alpha, B, beta) but got {parameters.Count}."), nameof(parameters));
        }

        var values = parameters.ToArray();
        CheckParameters(values, nameof(parameters));
        return new ComputeOptimalAllocation(values, flopsPerParameterToken, null, [0, 1, 2, 3, 4], Names.Length);
    }

    /// <summary>Computes the compute-optimal parameter and token counts for a budget, and the loss they reach.</summary>
    /// <param name="computeFlops">The compute budget C in FLOPs; positive and finite.</param>
    /// <returns>N_opt, D_opt and L_opt at C.</returns>
    /// <exception cref="ArgumentException"><paramref name="computeFlops"/> is not positive and finite.</exception>
    public ComputeOptimalPoint Allocate(double computeFlops)
    {
        CheckPositive(computeFlops, nameof(computeFlops));
        return Forward(_parameters, FlopsPerParameterToken, computeFlops);
    }

    /// <summary>Computes the compute needed to reach a target loss at the compute-optimal allocation.</summary>
    /// <param name="targetLoss">The target loss; finite.</param>
    /// <returns>The budget with its N_opt and D_opt; when the target is at or below the irreducible loss E, a point with
    /// <see cref="ComputeOptimalPoint.IsReachable"/> false and infinite compute, parameters and tokens.</returns>
    /// <exception cref="ArgumentException"><paramref name="targetLoss"/> is not finite.</exception>
    public ComputeOptimalPoint AllocateForLoss(double targetLoss)
    {
        CheckFinite(targetLoss, nameof(targetLoss));
        return Inverse(_parameters, FlopsPerParameterToken, targetLoss);
    }

    /// <summary>Computes the allocation at a budget with delta-method intervals at the fit's confidence level (0.95 without a fit).</summary>
    /// <param name="computeFlops">The compute budget C in FLOPs; positive and finite.</param>
    /// <returns>The allocation and its intervals (NaN ends when the allocation has no covariance).</returns>
    /// <exception cref="ArgumentException"><paramref name="computeFlops"/> is not positive and finite.</exception>
    public ComputeOptimalEstimate Estimate(double computeFlops) => Estimate(computeFlops, Fit?.Options.ConfidenceLevel ?? 0.95);

    /// <summary>Computes the allocation at a budget with delta-method intervals.</summary>
    /// <param name="computeFlops">The compute budget C in FLOPs; positive and finite.</param>
    /// <param name="confidenceLevel">Nominal coverage, strictly between 0 and 1.</param>
    /// <returns>The allocation and its intervals (NaN ends when the allocation has no covariance).</returns>
    /// <exception cref="ArgumentException"><paramref name="computeFlops"/> is not positive and finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is not strictly between 0 and 1.</exception>
    public ComputeOptimalEstimate Estimate(double computeFlops, double confidenceLevel)
    {
        CheckPositive(computeFlops, nameof(computeFlops));
        DerivedQuantityMath.CheckLevel(confidenceLevel, nameof(confidenceLevel));
        return EstimateDelta(computeFlops, double.NaN, confidenceLevel);
    }

    /// <summary>Computes the allocation at a budget with percentile intervals over parameter draws.</summary>
    /// <param name="computeFlops">The compute budget C in FLOPs; positive and finite.</param>
    /// <param name="parameterDraws">Natural parameter vectors: in the fit's parameter order for <see cref="FromFit"/>
    /// (for example <c>BootstrapResult.Samples</c>), in the order E, A, alpha, B, beta otherwise.</param>
    /// <param name="confidenceLevel">Nominal coverage, strictly between 0 and 1.</param>
    /// <returns>The allocation (at the point parameters) and percentile intervals.</returns>
    /// <exception cref="ArgumentException"><paramref name="computeFlops"/> is not positive and finite, there are no draws,
    /// or a draw has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is not strictly between 0 and 1.</exception>
    public ComputeOptimalEstimate Estimate(double computeFlops, IReadOnlyList<IReadOnlyList<double>> parameterDraws, double confidenceLevel = 0.95)
    {
        CheckPositive(computeFlops, nameof(computeFlops));
        DerivedQuantityMath.CheckDraws(parameterDraws, nameof(parameterDraws));
        DerivedQuantityMath.CheckLevel(confidenceLevel, nameof(confidenceLevel));
        return EstimateDraws(computeFlops, double.NaN, parameterDraws, confidenceLevel);
    }

    /// <summary>Computes the allocation at a budget with intervals from a bootstrap (its parameters looked up by name).</summary>
    /// <param name="computeFlops">The compute budget C in FLOPs; positive and finite.</param>
    /// <param name="bootstrap">A bootstrap of a Chinchilla-style fit (parameters named E, A, alpha, B, beta), usually of <see cref="Fit"/>.</param>
    /// <param name="confidenceLevel">Nominal coverage, strictly between 0 and 1.</param>
    /// <param name="method">How each interval is read off the bootstrap distribution (<see cref="BootstrapResult.DerivedInterval"/>).</param>
    /// <returns>The allocation (at this allocation's parameters) and bootstrap intervals.</returns>
    /// <exception cref="ArgumentException"><paramref name="computeFlops"/> is not positive and finite, or the bootstrapped law lacks
    /// one of the parameters.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is not strictly between 0 and 1.</exception>
    public ComputeOptimalEstimate Estimate(double computeFlops, BootstrapResult bootstrap, double confidenceLevel = 0.95,
        BootstrapIntervalMethod method = BootstrapIntervalMethod.Percentile)
    {
        CheckPositive(computeFlops, nameof(computeFlops));
        ArgumentNullException.ThrowIfNull(bootstrap);
        DerivedQuantityMath.CheckLevel(confidenceLevel, nameof(confidenceLevel));
        var indices = IndicesOf(bootstrap.ParameterNames, bootstrap.Fit.Law.Name, nameof(bootstrap));
        if (method == BootstrapIntervalMethod.Percentile)
        {
            return EstimateDraws(computeFlops, double.NaN, bootstrap.Samples, confidenceLevel, indices, bootstrap.ParameterNames.Count,
                string.Join(", ", bootstrap.ParameterNames));
        }

        var k = FlopsPerParameterToken;
        ParameterInterval Interval(Func<double[], double> pick) => bootstrap.DerivedInterval(theta =>
        {
            var p = Extract(theta, indices);
            return IsValid(p) ? pick(p) : double.NaN;
        }, confidenceLevel, method);

        var point = Forward(_parameters, k, computeFlops);
        return new ComputeOptimalEstimate(point, ParameterCountExponent, TokenCountExponent,
            new ParameterInterval(computeFlops, computeFlops, confidenceLevel),
            Interval(p => Forward(p, k, computeFlops).ParameterCount), Interval(p => Forward(p, k, computeFlops).TokenCount),
            Interval(p => Forward(p, k, computeFlops).TokensPerParameter), Interval(p => Forward(p, k, computeFlops).Loss),
            Interval(p => ExponentA(p)), Interval(p => p[2] / (p[2] + p[4])), confidenceLevel, IntervalSource.ParameterDraws,
            bootstrap.SuccessfulResamples, 0);
    }

    /// <summary>Computes the compute a target loss needs, with percentile intervals over a bootstrap's successful resamples
    /// (resamples whose E is at or above the target count as needing infinite compute).</summary>
    /// <param name="targetLoss">The target loss; finite.</param>
    /// <param name="bootstrap">A bootstrap of a Chinchilla-style fit (parameters named E, A, alpha, B, beta).</param>
    /// <param name="confidenceLevel">Nominal coverage, strictly between 0 and 1.</param>
    /// <returns>The allocation and percentile intervals.</returns>
    /// <exception cref="ArgumentException"><paramref name="targetLoss"/> is not finite, or the bootstrapped law lacks one of the parameters.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is not strictly between 0 and 1.</exception>
    public ComputeOptimalEstimate EstimateForLoss(double targetLoss, BootstrapResult bootstrap, double confidenceLevel = 0.95)
    {
        CheckFinite(targetLoss, nameof(targetLoss));
        ArgumentNullException.ThrowIfNull(bootstrap);
        DerivedQuantityMath.CheckLevel(confidenceLevel, nameof(confidenceLevel));
        var indices = IndicesOf(bootstrap.ParameterNames, bootstrap.Fit.Law.Name, nameof(bootstrap));
        return EstimateDraws(double.NaN, targetLoss, bootstrap.Samples, confidenceLevel, indices, bootstrap.ParameterNames.Count,
            string.Join(", ", bootstrap.ParameterNames));
    }

    /// <summary>Computes the compute a target loss needs, with delta-method intervals at the fit's confidence level.</summary>
    /// <param name="targetLoss">The target loss; finite.</param>
    /// <returns>The allocation and its intervals; for a target at or below E, an unreachable point with infinite intervals.</returns>
    /// <exception cref="ArgumentException"><paramref name="targetLoss"/> is not finite.</exception>
    public ComputeOptimalEstimate EstimateForLoss(double targetLoss) => EstimateForLoss(targetLoss, Fit?.Options.ConfidenceLevel ?? 0.95);

    /// <summary>Computes the compute a target loss needs, with delta-method intervals.</summary>
    /// <param name="targetLoss">The target loss; finite.</param>
    /// <param name="confidenceLevel">Nominal coverage, strictly between 0 and 1.</param>
    /// <returns>The allocation and its intervals.</returns>
    /// <exception cref="ArgumentException"><paramref name="targetLoss"/> is not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is not strictly between 0 and 1.</exception>
    public ComputeOptimalEstimate EstimateForLoss(double targetLoss, double confidenceLevel)
    {
        CheckFinite(targetLoss, nameof(targetLoss));
        DerivedQuantityMath.CheckLevel(confidenceLevel, nameof(confidenceLevel));
        return EstimateDelta(double.NaN, targetLoss, confidenceLevel);
    }

    /// <summary>Computes the compute a target loss needs, with percentile intervals over parameter draws (draws for which the
    /// target is at or below their E count as needing infinite compute).</summary>
    /// <param name="targetLoss">The target loss; finite.</param>
    /// <param name="parameterDraws">Natural parameter vectors, ordered as for <see cref="Estimate(double, IReadOnlyList{IReadOnlyList{double}}, double)"/>.</param>
    /// <param name="confidenceLevel">Nominal coverage, strictly between 0 and 1.</param>
    /// <returns>The allocation and percentile intervals.</returns>
    /// <exception cref="ArgumentException"><paramref name="targetLoss"/> is not finite, there are no draws, or a draw has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is not strictly between 0 and 1.</exception>
    public ComputeOptimalEstimate EstimateForLoss(double targetLoss, IReadOnlyList<IReadOnlyList<double>> parameterDraws, double confidenceLevel = 0.95)
    {
        CheckFinite(targetLoss, nameof(targetLoss));
        DerivedQuantityMath.CheckDraws(parameterDraws, nameof(parameterDraws));
        DerivedQuantityMath.CheckLevel(confidenceLevel, nameof(confidenceLevel));
        return EstimateDraws(double.NaN, targetLoss, parameterDraws, confidenceLevel);
    }

    /// <summary>Returns the parameters, the exponents and the coefficients in the invariant culture.</summary>
    /// <returns>A one-line summary.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"N_opt = {ParameterCountCoefficient:G6}·C^{ParameterCountExponent:G6}, D_opt = {TokenCountCoefficient:G6}·C^{TokenCountExponent:G6} (C = {FlopsPerParameterToken:G4}·N·D; E = {_parameters[0]:G6}, A = {_parameters[1]:G6}, alpha = {_parameters[2]:G6}, B = {_parameters[3]:G6}, beta = {_parameters[4]:G6})");

    internal static ComputeOptimalPoint Forward(ReadOnlySpan<double> p, double k, double computeFlops)
    {
        if (!IsValid(p))
        {
            return new ComputeOptimalPoint(computeFlops, double.NaN, double.NaN, double.NaN);
        }

        var (logN, logD) = LogAllocation(p, k, computeFlops);
        var loss = p[0] + (p[1] * Math.Exp(-p[2] * logN)) + (p[3] * Math.Exp(-p[4] * logD));
        return new ComputeOptimalPoint(computeFlops, Math.Exp(logN), Math.Exp(logD), loss);
    }

    internal static ComputeOptimalPoint Inverse(ReadOnlySpan<double> p, double k, double targetLoss)
    {
        if (!IsValid(p))
        {
            return new ComputeOptimalPoint(double.NaN, double.NaN, double.NaN, targetLoss);
        }

        var excess = targetLoss - p[0];
        if (!(excess > 0.0))
        {
            return new ComputeOptimalPoint(double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity, targetLoss);
        }

        var alpha = p[2];
        var beta = p[4];
        var logN = -(Math.Log(excess) + Math.Log(beta) - Math.Log(p[1]) - Math.Log(alpha + beta)) / alpha;
        var logCOverK = (logN - LogG(p)) / ExponentA(p);
        var logD = logCOverK - logN;
        return new ComputeOptimalPoint(k * Math.Exp(logCOverK), Math.Exp(logN), Math.Exp(logD), targetLoss);
    }

    private static (double LogN, double LogD) LogAllocation(ReadOnlySpan<double> p, double k, double computeFlops)
    {
        var logCOverK = Math.Log(computeFlops) - Math.Log(k);
        var logN = LogG(p) + (ExponentA(p) * logCOverK);
        return (logN, logCOverK - logN);
    }

    private static double LogG(ReadOnlySpan<double> p)
        => (Math.Log(p[2]) + Math.Log(p[1]) - Math.Log(p[4]) - Math.Log(p[3])) / (p[2] + p[4]);

    private static double ExponentA(ReadOnlySpan<double> p) => p[4] / (p[2] + p[4]);

    private static bool IsValid(ReadOnlySpan<double> p)
        => p[0] >= 0.0 && double.IsFinite(p[0]) && p[1] > 0.0 && double.IsFinite(p[1]) && p[2] > 0.0 && double.IsFinite(p[2])
            && p[3] > 0.0 && double.IsFinite(p[3]) && p[4] > 0.0 && double.IsFinite(p[4]);

    private ComputeOptimalEstimate EstimateDelta(double computeFlops, double targetLoss, double level)
    {
        var forward = double.IsNaN(targetLoss);
        var point = forward ? Forward(_parameters, FlopsPerParameterToken, computeFlops) : Inverse(_parameters, FlopsPerParameterToken, targetLoss);
        var nan = new ParameterInterval(double.NaN, double.NaN, level);
        var covariance = Fit?.Covariance;
        if (covariance is null)
        {
            return new ComputeOptimalEstimate(point, ParameterCountExponent, TokenCountExponent, nan, nan, nan, nan, nan, nan, nan,
                level, IntervalSource.None, 0, 0);
        }

        var fit = Fit!;
        var theta = fit.Parameters;
        var t = DerivedQuantityMath.TQuantile(level, fit.DegreesOfFreedom);
        ParameterInterval Interval(Func<ComputeOptimalPoint, double> pick, double value, bool log)
        {
            if (double.IsInfinity(value))
            {
                return new ParameterInterval(value, value, level);
            }

            var se = DerivedQuantityMath.StandardError(th => pick(Evaluate(th, computeFlops, targetLoss)), theta, covariance);
            return DerivedQuantityMath.DeltaInterval(value, se, t, level, log);
        }

        ParameterInterval ExponentInterval(Func<double[], double> pick)
        {
            var se = DerivedQuantityMath.StandardError(th => pick(Extract(th)), theta, covariance);
            return DerivedQuantityMath.DeltaInterval(pick(_parameters), se, t, level, logScale: false);
        }

        var computeInterval = forward ? new ParameterInterval(computeFlops, computeFlops, level) : Interval(q => q.ComputeFlops, point.ComputeFlops, true);
        var lossInterval = forward ? Interval(q => q.Loss, point.Loss, true) : new ParameterInterval(targetLoss, targetLoss, level);
        var ratio = point.IsReachable ? Interval(q => q.TokensPerParameter, point.TokensPerParameter, true) : nan;
        return new ComputeOptimalEstimate(point, ParameterCountExponent, TokenCountExponent, computeInterval,
            Interval(q => q.ParameterCount, point.ParameterCount, true), Interval(q => q.TokenCount, point.TokenCount, true), ratio, lossInterval,
            ExponentInterval(p => ExponentA(p)), ExponentInterval(p => p[2] / (p[2] + p[4])), level, IntervalSource.DeltaMethod, 0, 0);
    }

    private ComputeOptimalEstimate EstimateDraws(double computeFlops, double targetLoss, IReadOnlyList<IReadOnlyList<double>> draws, double level)
        => EstimateDraws(computeFlops, targetLoss, draws, level, _indices, _drawLength, Fit is null ? "E, A, alpha, B, beta" : string.Join(", ", Fit.ParameterNames));

    private ComputeOptimalEstimate EstimateDraws(double computeFlops, double targetLoss, IReadOnlyList<IReadOnlyList<double>> draws, double level,
        int[] indices, int drawLength, string layout)
    {
        var forward = double.IsNaN(targetLoss);
        var point = forward ? Forward(_parameters, FlopsPerParameterToken, computeFlops) : Inverse(_parameters, FlopsPerParameterToken, targetLoss);
        var c = new List<double>(draws.Count);
        var n = new List<double>(draws.Count);
        var d = new List<double>(draws.Count);
        var ratio = new List<double>(draws.Count);
        var loss = new List<double>(draws.Count);
        var a = new List<double>(draws.Count);
        var b = new List<double>(draws.Count);
        var unreachable = 0;
        for (var i = 0; i < draws.Count; i++)
        {
            var draw = draws[i] ?? throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"parameterDraws[{i}] is null."), "parameterDraws");
            if (draw.Count != drawLength)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"parameterDraws[{i}] has {draw.Count} values but {drawLength} were expected ({layout})."), "parameterDraws");
            }

            var p = Extract(draw, indices);
            if (!IsValid(p))
            {
                continue;
            }

            var q = forward ? Forward(p, FlopsPerParameterToken, computeFlops) : Inverse(p, FlopsPerParameterToken, targetLoss);
            if (!q.IsReachable)
            {
                unreachable++;
            }

            c.Add(q.ComputeFlops);
            n.Add(q.ParameterCount);
            d.Add(q.TokenCount);
            ratio.Add(q.TokensPerParameter);
            loss.Add(q.Loss);
            a.Add(ExponentA(p));
            b.Add(p[2] / (p[2] + p[4]));
        }

        ParameterInterval Percentile(List<double> values) => DerivedQuantityMath.PercentileInterval(values.Where(v => !double.IsNaN(v)).ToArray(), level);
        return new ComputeOptimalEstimate(point, ParameterCountExponent, TokenCountExponent, Percentile(c), Percentile(n), Percentile(d),
            Percentile(ratio), Percentile(loss), Percentile(a), Percentile(b), level,
            n.Count > 0 ? IntervalSource.ParameterDraws : IntervalSource.None, n.Count, unreachable);
    }

    private ComputeOptimalPoint Evaluate(IReadOnlyList<double> theta, double computeFlops, double targetLoss)
    {
        var p = Extract(theta);
        return double.IsNaN(targetLoss) ? Forward(p, FlopsPerParameterToken, computeFlops) : Inverse(p, FlopsPerParameterToken, targetLoss);
    }

    private double[] Extract(IReadOnlyList<double> theta) => Extract(theta, _indices);

    private static double[] Extract(IReadOnlyList<double> theta, int[] indices)
    {
        var p = new double[Names.Length];
        for (var k = 0; k < p.Length; k++)
        {
            p[k] = theta[indices[k]];
        }

        return p;
    }

    private static int[] IndicesOf(IReadOnlyList<string> names, string lawName, string paramName)
    {
        var indices = new int[Names.Length];
        for (var k = 0; k < Names.Length; k++)
        {
            indices[k] = -1;
            for (var j = 0; j < names.Count; j++)
            {
                if (string.Equals(names[j], Names[k], StringComparison.Ordinal))
                {
                    indices[k] = j;
                    break;
                }
            }

            if (indices[k] < 0)
            {
                throw new ArgumentException(
                    $"Law '{lawName}' has no parameter '{Names[k]}'; compute-optimal allocation needs a Chinchilla-style law with parameters E, A, alpha, B, beta (its parameters are {string.Join(", ", names)}).",
                    paramName);
            }
        }

        return indices;
    }

    private static void CheckParameters(double[] p, string paramName)
    {
        for (var k = 0; k < p.Length; k++)
        {
            var v = p[k];
            var ok = k == 0 ? double.IsFinite(v) && v >= 0.0 : double.IsFinite(v) && v > 0.0;
            if (!ok)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"{Names[k]} = {v} is not {(k == 0 ? "finite and non-negative" : "positive and finite")}; the compute-optimal closed form needs E ≥ 0 and A, alpha, B, beta > 0."),
                    paramName);
            }
        }
    }

    private static void CheckK(double k)
    {
        if (!(double.IsFinite(k) && k > 0.0))
        {
            throw new ArgumentOutOfRangeException("flopsPerParameterToken", k, "The FLOPs per parameter and token (k in C = k·N·D) must be positive and finite.");
        }
    }

    private static void CheckPositive(double value, string paramName)
    {
        if (!(double.IsFinite(value) && value > 0.0))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{paramName} = {value} is not positive and finite."), paramName);
        }
    }

    private static void CheckFinite(double value, string paramName)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{paramName} = {value} is not finite."), paramName);
        }
    }
}
