using System.Globalization;
using MathNet.Numerics.Distributions;
using ScalingLaws.Internal;

namespace ScalingLaws;

/// <summary>
/// Profile-likelihood intervals: hold one parameter at a series of values, refit the others, and find where the minimised
/// objective has risen by the amount that corresponds to the confidence level. Unlike the asymptotic (Wald) interval, the
/// profile interval follows the curvature of the objective, so it can be asymmetric and respects bounds.
/// </summary>
/// <remarks>
/// <para>Let <c>F(ψ)</c> be the objective minimised with the parameter held at ψ, <c>F̂</c> the fit's objective, and ρ the
/// loss (<c>F = Σ ρ(r_i)</c>, ρ(r) = r²/2 or Huber). The interval is <c>{ψ : F(ψ) − F̂ ≤ ½·ξ·q²}</c> with</para>
/// <list type="bullet">
/// <item>least squares (<see cref="CovarianceMethod.Classic"/>): ξ = s² = RSS/(n − p) and q the Student-t quantile
/// <c>t(n − p, (1 + level)/2)</c>, i.e. <c>ΔRSS ≤ s²·F(1, n − p)</c>, the F-test calibration of R's <c>confint.nls</c>
/// (Bates and Watts 1988, §6.1);</item>
/// <item><see cref="CovarianceMethod.AbsoluteSigma"/> (weights are known inverse variances): ξ = 1 and q the normal quantile,
/// i.e. <c>ΔRSS ≤ χ²₁(level)</c>;</item>
/// <item>Huber (and <see cref="CovarianceMethod.Sandwich"/>): the objective-based analogue of the likelihood ratio for
/// M-estimators (the "drop-in-dispersion" test of Ronchetti 1982; Hampel, Ronchetti, Rousseeuw and Stahel 1986, §7.3):
/// <c>2·ΔF/ξ</c> is asymptotically χ²₁ with <c>ξ = E ψ(r)²/E ψ'(r)</c>, estimated at the fit as
/// <c>ξ = (Σ ψ(r_i)²/(n − p))·(n/Σ ψ'(r_i))</c> (the same n/(n − p) correction as the sandwich covariance; Σ ψ' counts the
/// residuals inside δ, or sums the IRLS weights when fewer than p are inside), with the Student-t quantile as for least
/// squares. It reduces to the least-squares rule when δ is large. When δ is small compared with the residuals (a
/// near-L1 fit, such as δ = 1e-3 on Epoch AI's Chinchilla data) Σ ψ' rests on the few residuals inside δ and the
/// calibration is rough, as is the sandwich covariance; the bootstrap is then the safer interval.</item>
/// </list>
/// <para>Search: from the estimate, each side tries the Wald end first, then larger steps (extrapolating the profile as a
/// quadratic) until the threshold is crossed, the parameter's bound is reached, or <c>maxSteps</c> refits are spent; the
/// crossing is then located by the Illinois (modified regula falsi) method. Log-scaled parameters (A, B, E of the built-in
/// laws) are stepped in log space. Each refit is warm-started from the nearest profile point already fitted. A failed bracket
/// is reported in <see cref="ProfileLikelihoodResult.LowerStatus"/> / <see cref="ProfileLikelihoodResult.UpperStatus"/>,
/// never thrown.</para>
/// </remarks>
/// <example><code>
/// ProfileLikelihoodResult alpha = ProfileLikelihood.Interval(fit, "alpha");
/// Console.WriteLine(alpha);   // profile of alpha = 0.3473: [0.32, 0.37] (95%) (lower Found, upper Found; 17 fits)
/// </code></example>
public static class ProfileLikelihood
{
    /// <summary>The default number of search steps per side.</summary>
    public const int DefaultMaxSteps = 30;

    private const int MaxRootIterations = 40;
    private const double MaxLogExcursion = 50.0;

    /// <summary>Computes the profile-likelihood interval of one parameter.</summary>
    /// <param name="fit">The fit; its parameters must be finite.</param>
    /// <param name="parameterName">The parameter to profile; it must be free (not fixed).</param>
    /// <param name="level">The confidence level in (0, 1); <see langword="null"/> for the fit's <see cref="FitOptions.ConfidenceLevel"/>.</param>
    /// <param name="maxSteps">The largest number of search steps on each side before giving up (at least 1).</param>
    /// <returns>The interval, how each end was found, and every profile fit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fit"/> or <paramref name="parameterName"/> is null.</exception>
    /// <exception cref="ArgumentException">The law has no such parameter, it is fixed, the fit's parameters are not finite, or
    /// the fit has no residual degrees of freedom.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not in (0, 1) or <paramref name="maxSteps"/> is below 1.</exception>
    public static ProfileLikelihoodResult Interval(FitResult fit, string parameterName, double? level = null, int maxSteps = DefaultMaxSteps)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(parameterName);
        var k = fit.Law.IndexOfParameter(parameterName);
        if (fit.IsFixed[k])
        {
            throw new ArgumentException($"Parameter '{parameterName}' is fixed in this fit, so it has no profile.", nameof(parameterName));
        }

        var confidence = level ?? fit.Options.ConfidenceLevel;
        if (!(confidence > 0.0 && confidence < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(level), confidence, "The confidence level must lie strictly between 0 and 1.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maxSteps, 1);
        if (fit.Parameters.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("The fit's parameters are not finite; there is no estimate to profile around.", nameof(fit));
        }

        if (fit.DegreesOfFreedom < 1)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The fit has {fit.DegreesOfFreedom} residual degrees of freedom; a profile interval needs at least 1."), nameof(fit));
        }

        return new Profiler(fit, k, confidence, maxSteps).Run();
    }

    private sealed class Profiler
    {
        private readonly FitResult _fit;
        private readonly FitProblem _problem;
        private readonly int _k;
        private readonly int _free;
        private readonly bool _isLog;
        private readonly double _estimateU;
        private readonly double _objective;
        private readonly double _allowed;
        private readonly double _firstStep;
        private readonly double _level;
        private readonly int _maxSteps;
        private readonly List<ProfilePoint> _points = [];
        private readonly List<string> _warnings = [];
        private double _lowest;

        public Profiler(FitResult fit, int k, double level, int maxSteps)
        {
            _fit = fit;
            _k = k;
            _level = level;
            _maxSteps = maxSteps;
            _problem = new FitProblem(fit.Law, fit.Data, fit.Options);
            _free = Array.IndexOf(_problem.FreeIndex, k);
            _isLog = _problem.IsLog[k];
            var theta = new double[_problem.Q];
            _ = _problem.TryToInternal(fit.Parameters.ToArray(), theta, clipToBounds: true);
            _estimateU = theta[_free];

            // Objective and its calibration ξ at the estimate.
            var n = _problem.N;
            var q = _problem.Q;
            var dof = n - q;
            var ws = new SolverWorkspace(n, _problem.P, q);
            var residuals = new double[n];
            _objective = _problem.Evaluate(theta, ws, residuals, Span<double>.Empty);
            _lowest = _objective;
            var method = fit.Options.Covariance == CovarianceMethod.Auto
                ? (_problem.IsHuber ? CovarianceMethod.Sandwich : CovarianceMethod.Classic)
                : fit.Options.Covariance;
            double xi, quantile;
            if (method == CovarianceMethod.AbsoluteSigma)
            {
                xi = 1.0;
                quantile = Normal.InvCDF(0.0, 1.0, (1.0 + level) / 2.0);
            }
            else
            {
                double psiSquares = 0.0, psiPrime = 0.0, irls = 0.0;
                var inliers = 0;
                var delta = _problem.Loss.Delta;
                foreach (var r in residuals)
                {
                    var inside = !_problem.IsHuber || Math.Abs(r) <= delta;
                    var psi = inside ? r : delta * Math.Sign(r);
                    psiSquares += psi * psi;
                    irls += _problem.IrlsWeight(r);
                    if (inside)
                    {
                        inliers++;
                        psiPrime += 1.0;
                    }
                }

                var curvature = inliers >= q ? psiPrime : irls;
                xi = psiSquares / dof * (n / curvature);
                quantile = StudentT.InvCDF(0.0, 1.0, dof, (1.0 + level) / 2.0);
            }

            _allowed = 0.5 * xi * quantile * quantile;

            // First step: the Wald half-width in the internal coordinate, or a modest default without a standard error.
            var se = fit.StandardErrors[k];
            var value = fit.Parameters[k];
            var seInternal = _isLog ? se / value : se;
            _firstStep = double.IsFinite(seInternal) && seInternal > 0.0
                ? quantile * seInternal
                : (_isLog ? 0.5 : 0.1 * Math.Max(Math.Abs(value), 1e-3));
        }

        public ProfileLikelihoodResult Run()
        {
            _points.Add(new ProfilePoint(_fit.Parameters[_k], _problem.ReportedObjective(_objective), _fit.Converged));
            var (lower, lowerStatus) = Side(-1.0);
            var (upper, upperStatus) = Side(+1.0);
            if (_lowest < _objective - (1e-9 * Math.Abs(_objective)))
            {
                _warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"a profile fit reached a lower objective ({_problem.ReportedObjective(_lowest):G10}) than the fit ({_problem.ReportedObjective(_objective):G10}); the fit is not at the global minimum, so refit from the profile points before trusting this interval"));
            }

            var points = _points.OrderBy(p => p.Value).ToArray();
            return new ProfileLikelihoodResult(_fit.ParameterNames[_k], _fit.Parameters[_k], new ParameterInterval(lower, upper, _level),
                lowerStatus, upperStatus, _problem.ReportedObjective(_objective), _problem.ReportedObjective(_objective + _allowed), points,
                [.. _warnings]);
        }

        private double ToNatural(double u) => _isLog ? Math.Exp(u) : u;

        /// <summary>Searches one side; returns the natural end and how it was found.</summary>
        private (double End, ProfileEndStatus Status) Side(double direction)
        {
            var bound = direction < 0.0 ? _problem.Lower[_free] : _problem.Upper[_free];
            var naturalBound = direction < 0.0 ? _problem.NaturalLower[_k] : _problem.NaturalUpper[_k];
            var insideU = _estimateU;
            var insideExcess = -_allowed;
            var insideNatural = _fit.Parameters.ToArray();
            var distance = _firstStep;
            for (var step = 0; step < _maxSteps; step++)
            {
                var u = _estimateU + (direction * distance);
                var atBound = false;
                if (direction < 0.0 ? u <= bound : u >= bound)
                {
                    u = bound;
                    atBound = true;
                }

                if (_isLog && Math.Abs(u - _estimateU) > MaxLogExcursion)
                {
                    // A positive parameter e^±50 times its estimate without crossing: it is unbounded on this side (or
                    // reaches its natural bound 0 from above).
                    return direction < 0.0 && naturalBound <= 0.0
                        ? (naturalBound, ProfileEndStatus.ReachedBound)
                        : (double.NaN, ProfileEndStatus.NotBracketed);
                }

                var (objective, natural) = FitAt(u, insideNatural);
                if (!double.IsFinite(objective))
                {
                    return (double.NaN, ProfileEndStatus.FitFailed);
                }

                var excess = objective - _objective - _allowed;
                if (excess >= 0.0)
                {
                    return (ToNatural(Crossing(insideU, insideExcess, insideNatural, u, excess)), ProfileEndStatus.Found);
                }

                if (atBound)
                {
                    return (naturalBound, ProfileEndStatus.ReachedBound);
                }

                // Next distance: the quadratic through the estimate that matches this point reaches the threshold at
                // distance·√(allowed/rise); stay within [1.2, 4] times the current distance.
                var rise = Math.Max(objective - _objective, 1e-300);
                var next = distance * Math.Sqrt(_allowed / rise) * 1.05;
                distance = Math.Clamp(next, 1.2 * distance, 4.0 * distance);
                insideU = u;
                insideExcess = excess;
                insideNatural = natural;
            }

            return (double.NaN, ProfileEndStatus.NotBracketed);
        }

        /// <summary>Locates excess(u) = 0 between an inside point (excess &lt; 0) and an outside point (excess ≥ 0) by the
        /// Illinois method.</summary>
        private double Crossing(double insideU, double insideExcess, double[] insideNatural, double outsideU, double outsideExcess)
        {
            var tolerance = (1e-7 * Math.Abs(outsideU - _estimateU)) + 1e-14;
            var side = 0;
            for (var iteration = 0; iteration < MaxRootIterations; iteration++)
            {
                var u = ((insideU * outsideExcess) - (outsideU * insideExcess)) / (outsideExcess - insideExcess);
                if (Math.Abs(outsideU - insideU) <= tolerance || !double.IsFinite(u))
                {
                    return double.IsFinite(u) ? u : 0.5 * (insideU + outsideU);
                }

                var (objective, natural) = FitAt(u, insideNatural);
                if (!double.IsFinite(objective))
                {
                    return u;
                }

                var excess = objective - _objective - _allowed;
                if (Math.Abs(excess) <= 1e-6 * _allowed)
                {
                    return u;
                }

                if (excess < 0.0)
                {
                    insideU = u;
                    insideExcess = excess;
                    insideNatural = natural;
                    if (side == -1)
                    {
                        outsideExcess /= 2.0;
                    }

                    side = -1;
                }
                else
                {
                    outsideU = u;
                    outsideExcess = excess;
                    if (side == 1)
                    {
                        insideExcess /= 2.0;
                    }

                    side = 1;
                }
            }

            return ((insideU * outsideExcess) - (outsideU * insideExcess)) / (outsideExcess - insideExcess);
        }

        /// <summary>Refits with the parameter held at internal value <paramref name="u"/>, warm-started at <paramref name="start"/>;
        /// returns the internal objective and the natural solution.</summary>
        private (double Objective, double[] Natural) FitAt(double u, double[] start)
        {
            var value = ToNatural(u);
            var natural = (double[])start.Clone();
            natural[_k] = value;
            double objective;
            FitStatus status;
            if (_problem.Q == 1)
            {
                var ws = new SolverWorkspace(_problem.N, _problem.P, 1);
                objective = _problem.Evaluate([u], ws, new double[_problem.N], Span<double>.Empty);
                status = double.IsFinite(objective) ? FitStatus.Converged : FitStatus.NonFinite;
            }
            else
            {
                var fixedValues = new Dictionary<string, double>(_fit.Options.FixedParameters ?? new Dictionary<string, double>(), StringComparer.Ordinal)
                {
                    [_fit.ParameterNames[_k]] = value,
                };
                var problem = new FitProblem(_fit.Law, _fit.Data, _fit.Options with { FixedParameters = fixedValues, MaxDegreeOfParallelism = 1 });
                var ws = new SolverWorkspace(problem.N, problem.P, problem.Q);
                if (problem.TryToInternal(natural, ws.Theta, clipToBounds: true) is not null)
                {
                    return (double.PositiveInfinity, natural);
                }

                var outcome = LevenbergMarquardt.Solve(problem, ws, problem.Options.MaxIterations);
                objective = outcome.Objective;
                status = outcome.Status;
                problem.ToNatural(ws.Theta, natural);
            }

            if (double.IsFinite(objective))
            {
                _lowest = Math.Min(_lowest, objective);
                _points.Add(new ProfilePoint(value, _problem.ReportedObjective(objective), status == FitStatus.Converged));
            }

            return (objective, natural);
        }
    }
}
