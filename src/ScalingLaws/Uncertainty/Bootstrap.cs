using System.Globalization;
using ScalingLaws.Internal;

namespace ScalingLaws;

/// <summary>
/// Bootstrap confidence intervals for a fit: refits the law on resampled data sets (cases, residuals or whole groups), in
/// parallel, seeded and deterministic, and returns the bootstrap distribution of every parameter.
/// </summary>
/// <remarks>
/// <para>Each resample is refitted with the fit's loss, residual space, bounds, fixed parameters and tolerances, warm-started
/// at the point estimate (and, with <see cref="BootstrapOptions.MultiStart"/>, also from the fit's start strategy). A refit
/// that does not converge (iteration limit, stalled, non-finite objective) is counted in
/// <see cref="BootstrapResult.FailedResamples"/> and left out of the distribution; it is never dropped silently.</para>
/// <para>Reproducibility: every resample's seed is derived from <see cref="BootstrapOptions.Seed"/> before any work starts,
/// resampled rows come from a generator defined by this library (xoshiro256**, not <see cref="Random"/>), and results are
/// stored by resample index, so the same seed gives bit-identical results with one thread or many, on every platform
/// that evaluates the law bit-identically. A different generator from numpy's cannot reproduce numpy's draws, so results
/// match Python bootstraps statistically, not draw for draw.</para>
/// <para>Reference: B. Efron, R. Tibshirani, "An Introduction to the Bootstrap" (1993); A. C. Davison, D. V. Hinkley,
/// "Bootstrap Methods and their Application" (1997), ch. 6 (regression: case, residual and cluster resampling).</para>
/// </remarks>
/// <example><code>
/// FitResult fit = ScalingLawFitter.Fit(new ChinchillaLaw(), data, options);
/// BootstrapResult boot = Bootstrap.Run(fit, new BootstrapOptions { Resamples = 4000, Seed = 42 });
/// ParameterInterval alpha = boot.Interval("alpha", 0.95, BootstrapIntervalMethod.Percentile);
/// ParameterInterval a = boot.DerivedInterval(p => p[4] / (p[2] + p[4]), 0.95, BootstrapIntervalMethod.Percentile);
/// Console.WriteLine(boot);
/// </code></example>
public static class Bootstrap
{
    /// <summary>Runs the bootstrap.</summary>
    /// <param name="fit">The fit to bootstrap; its parameters must be finite.</param>
    /// <param name="options">Options; <see langword="null"/> for <see cref="BootstrapOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops the run between resamples.</param>
    /// <returns>The bootstrap distribution, its standard errors, correlations and intervals.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fit"/> is null.</exception>
    /// <exception cref="ArgumentException">The fit's parameters are not finite, or cluster resampling was asked for and the
    /// fitted observations have fewer than two groups.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its range.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static BootstrapResult Run(FitResult fit, BootstrapOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fit);
        options ??= BootstrapOptions.Default;
        options.Validate();
        for (var k = 0; k < fit.Parameters.Count; k++)
        {
            if (!double.IsFinite(fit.Parameters[k]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"The fit's parameter {fit.ParameterNames[k]} = {fit.Parameters[k]} is not finite; there is no estimate to bootstrap around."), nameof(fit));
            }
        }

        var engine = new ResampleFitter(fit, options.Resampling, options.MultiStart, options.MaxIterations);
        var explicitRows = options.ExplicitRows is null ? null : CheckRows(options.ExplicitRows, engine.Problem.N, engine.Problem.Q);
        var count = explicitRows?.Length ?? options.Resamples;
        var p = engine.Problem.P;
        var seeds = explicitRows is null ? SeededRandom.DeriveSeeds(options.Seed, count) : null;
        var draws = new double[count][];
        var statuses = new FitStatus[count];
        var completed = 0;
        var progress = options.Progress;

        void RunOne(int b, ResampleFitter.Worker worker)
        {
            FitProblem? problem;
            if (seeds is null)
            {
                problem = engine.FromRows(explicitRows![b]);
            }
            else
            {
                var random = new SeededRandom(seeds[b]);
                problem = engine.Draw(ref random);
            }

            var natural = new double[p];
            if (problem is null)
            {
                Array.Fill(natural, double.NaN);
                statuses[b] = FitStatus.NonFinite;
            }
            else
            {
                statuses[b] = engine.Fit(problem, worker, natural);
            }

            draws[b] = natural;
            if (progress is not null)
            {
                progress(Interlocked.Increment(ref completed), count);
            }
        }

        if (options.MaxDegreeOfParallelism == 1)
        {
            var worker = new ResampleFitter.Worker(engine);
            for (var b = 0; b < count; b++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                RunOne(b, worker);
            }
        }
        else
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
            Parallel.For(0, count, parallel, () => new ResampleFitter.Worker(engine),
                (b, _, worker) =>
                {
                    RunOne(b, worker);
                    return worker;
                },
                _ => { });
        }

        var jackknife = new Lazy<double[][]>(() => Jackknife(engine, options.MaxDegreeOfParallelism), LazyThreadSafetyMode.ExecutionAndPublication);
        return new BootstrapResult(fit, options, draws, statuses, jackknife);
    }

    /// <summary>Copies explicit resample rows, checking every index against the number of fitted rows.</summary>
    private static int[][] CheckRows(IReadOnlyList<IReadOnlyList<int>> rows, int n, int q)
    {
        var copy = new int[rows.Count][];
        for (var b = 0; b < rows.Count; b++)
        {
            copy[b] = [.. rows[b]];
            if (copy[b].Length < q)
            {
                throw new ArgumentOutOfRangeException("options", copy[b].Length, string.Create(CultureInfo.InvariantCulture,
                    $"BootstrapOptions.ExplicitRows[{b}] has {copy[b].Length} rows, fewer than the {q} free parameters of the fit."));
            }

            for (var i = 0; i < copy[b].Length; i++)
            {
                if ((uint)copy[b][i] >= (uint)n)
                {
                    throw new ArgumentOutOfRangeException("options", copy[b][i], string.Create(CultureInfo.InvariantCulture,
                        $"BootstrapOptions.ExplicitRows[{b}][{i}] = {copy[b][i]} is not a row of the fitted observations (0 to {n - 1})."));
                }
            }
        }

        return copy;
    }

    /// <summary>Refits with each row (or group) left out in turn; failed refits are left out.</summary>
    private static double[][] Jackknife(ResampleFitter engine, int maxDegreeOfParallelism)
    {
        var count = engine.JackknifeCount;
        var p = engine.Problem.P;
        var draws = new double[count][];
        var ok = new bool[count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        Parallel.For(0, count, parallel, () => new ResampleFitter.Worker(engine),
            (i, _, worker) =>
            {
                var problem = engine.LeaveOut(i);
                var natural = new double[p];
                ok[i] = problem is not null && engine.Fit(problem, worker, natural) == FitStatus.Converged;
                draws[i] = natural;
                return worker;
            },
            _ => { });
        return draws.Where((_, i) => ok[i]).ToArray();
    }
}
