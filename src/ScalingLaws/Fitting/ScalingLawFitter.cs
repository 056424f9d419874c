using System.Globalization;
using ScalingLaws.Internal;

namespace ScalingLaws;

/// <summary>
/// Fits scaling laws by bounded, robust Levenberg–Marquardt from one or many starting points.
/// </summary>
/// <remarks>
/// <para>Bad input (non-finite values, values outside a law's input domain, non-positive targets with log residuals,
/// fewer observations than free parameters, impossible bounds, starts outside bounds) throws <see cref="ArgumentException"/>
/// before any work starts. Numerical outcomes (iteration limit, stalled steps, non-finite objectives, singular covariance)
/// never throw: they come back in <see cref="FitResult.Diagnostics"/> and <see cref="FitResult.Warnings"/>.</para>
/// <para>Results are deterministic: starts run in parallel, but the best start is chosen by objective and then by index,
/// so the result does not depend on the number of threads.</para>
/// </remarks>
/// <example><code>
/// var data = Observations.FromArrays("x", computeFlops, losses);
/// FitResult fit = ScalingLawFitter.Fit(new SaturatingPowerLaw(), data);
/// Console.WriteLine(fit);
/// </code></example>
public static class ScalingLawFitter
{
    /// <summary>Fits a law with a single input to arrays, with default options.</summary>
    /// <param name="law">The law; it must have exactly one input.</param>
    /// <param name="x">Input values.</param>
    /// <param name="y">Observed values.</param>
    /// <param name="options">Options; <see langword="null"/> for <see cref="FitOptions.Default"/>.</param>
    /// <returns>The fit.</returns>
    /// <exception cref="ArgumentException">The law has more than one input, the arrays differ in length, or the data are invalid.</exception>
    public static FitResult Fit(ScalingLaw law, double[] x, double[] y, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(law);
        if (law.Inputs.Count != 1)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Law '{law.Name}' has {law.Inputs.Count} inputs; use the overload that takes Observations."), nameof(law));
        }

        return Fit(law, Observations.FromArrays(law.Inputs[0].Name, x, y), options);
    }

    /// <summary>Fits a law to observations whose columns are named like the law's inputs.</summary>
    /// <param name="law">The law.</param>
    /// <param name="data">The observations.</param>
    /// <param name="options">Options; <see langword="null"/> for <see cref="FitOptions.Default"/>.</param>
    /// <returns>The fit, whatever the solver's outcome (check <see cref="FitResult.Converged"/>).</returns>
    /// <exception cref="ArgumentException">The data, bounds, fixed parameters or starts are invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its range.</exception>
    public static FitResult Fit(ScalingLaw law, Observations data, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(law);
        ArgumentNullException.ThrowIfNull(data);
        options ??= FitOptions.Default;
        options.Validate();
        var problem = new FitProblem(law, data, options);
        var (starts, scanned) = BuildStarts(problem);
        return Run(problem, starts, scanned, options.MaxDegreeOfParallelism);
    }

    /// <summary>Refits the same problem on another set of observations from given natural starting points
    /// (used by the bootstrap for warm starts).</summary>
    internal static FitResult Refit(FitProblem problem, IReadOnlyList<double[]> starts, int maxDegreeOfParallelism)
        => Run(problem, starts, 0, maxDegreeOfParallelism);

    internal static (List<double[]> Starts, int Scanned) BuildStarts(FitProblem problem)
    {
        var options = problem.Options;
        var law = problem.Law;
        var p = problem.P;
        var strategy = options.Starts;
        switch (strategy.Kind)
        {
            case StartKind.Points:
            {
                var list = new List<double[]>();
                for (var s = 0; s < strategy.Points.Count; s++)
                {
                    var point = strategy.Points[s];
                    if (point.Count != p)
                    {
                        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                            $"Start {s} has {point.Count} values but law '{law.Name}' has {p} parameters ({string.Join(", ", law.ParameterNames)})."), nameof(options));
                    }

                    var natural = point.ToArray();
                    ApplyFixed(problem, natural);
                    var error = problem.TryToInternal(natural, new double[problem.Q], clipToBounds: false);
                    if (error is not null)
                    {
                        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Start {s}: {error}."), nameof(options));
                    }

                    list.Add(natural);
                }

                return (list, 0);
            }

            case StartKind.Grid:
            {
                var axes = new double[p][];
                var byName = strategy.GridAxes.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
                foreach (var name in byName.Keys)
                {
                    law.IndexOfParameter(name);
                }

                for (var k = 0; k < p; k++)
                {
                    if (problem.IsFixed[k])
                    {
                        axes[k] = [problem.FixedValues[k]];
                    }
                    else if (!byName.TryGetValue(law.ParameterNames[k], out var axis))
                    {
                        throw new ArgumentException(
                            $"The start grid has no values for parameter '{law.ParameterNames[k]}'; give every free parameter an axis.", nameof(options));
                    }
                    else
                    {
                        axes[k] = axis;
                    }
                }

                var total = axes.Aggregate(1L, (acc, a) => checked(acc * a.Length));
                if (total > 10_000_000)
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"The start grid has {total} points; at most 10,000,000 are allowed."), nameof(options));
                }

                var list = new List<double[]>((int)total);
                for (long index = 0; index < total; index++)
                {
                    var natural = new double[p];
                    var rest = index;
                    for (var k = p - 1; k >= 0; k--)
                    {
                        natural[k] = axes[k][rest % axes[k].Length];
                        rest /= axes[k].Length;
                    }

                    var error = problem.TryToInternal(natural, new double[problem.Q], clipToBounds: false);
                    if (error is not null)
                    {
                        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Grid start {index}: {error}."), nameof(options));
                    }

                    list.Add(natural);
                }

                return (list, 0);
            }

            default:
            {
                var list = new List<double[]>();
                var (grid, scanned) = VariableProjection.Search(problem, strategy.RefinedGridPoints, options.MaxDegreeOfParallelism);
                list.AddRange(grid);
                foreach (var start in law.GetDefaultStarts(problem.Inputs, problem.Data.TargetArray))
                {
                    if (start.Length != p)
                    {
                        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                            $"Law '{law.Name}' returned a default start with {start.Length} values for {p} parameters."));
                    }

                    var natural = (double[])start.Clone();
                    ApplyFixed(problem, natural);
                    list.Add(natural);
                }

                return (list, scanned);
            }
        }
    }

    private static void ApplyFixed(FitProblem problem, double[] natural)
    {
        for (var k = 0; k < problem.P; k++)
        {
            if (problem.IsFixed[k])
            {
                natural[k] = problem.FixedValues[k];
            }
        }
    }

    private static FitResult Run(FitProblem problem, IReadOnlyList<double[]> starts, int scanned, int maxDegreeOfParallelism)
    {
        var count = starts.Count;
        var q = problem.Q;
        var thetas = new double[count][];
        var outcomes = new SolverOutcome[count];
        var clip = problem.Options.Starts.Kind == StartKind.Default;
        var progress = problem.Options.Progress;
        var done = 0;

        void RunOne(int s, SolverWorkspace ws)
        {
            RefineStart(s, ws);
            progress?.Invoke(Interlocked.Increment(ref done), count);
        }

        void RefineStart(int s, SolverWorkspace ws)
        {
            var theta = new double[q];
            var error = problem.TryToInternal(starts[s], theta, clipToBounds: true);
            if (error is not null)
            {
                outcomes[s] = new SolverOutcome(FitStatus.NonFinite, double.PositiveInfinity, 0, 0, double.NaN, error);
                thetas[s] = theta;
                return;
            }

            theta.AsSpan().CopyTo(ws.Theta);
            var outcome = LevenbergMarquardt.Solve(problem, ws, problem.Options.MaxIterations);
            var solution = (double[])ws.Theta.Clone();

            // Safeguard: if the run ended with a parameter the model no longer depends on (it ran onto a plateau),
            // retry from the same start with conservative damping and keep the better of the two.
            if (outcome.Status != FitStatus.NonFinite && LevenbergMarquardt.FindVanishedParameter(problem, ws) >= 0)
            {
                theta.AsSpan().CopyTo(ws.Theta);
                var retry = LevenbergMarquardt.Solve(problem, ws, problem.Options.MaxIterations, conservative: true);
                if (double.IsFinite(retry.Objective) && !(retry.Objective >= outcome.Objective))
                {
                    outcome = retry with
                    {
                        Iterations = outcome.Iterations + retry.Iterations,
                        Evaluations = outcome.Evaluations + retry.Evaluations,
                        Message = $"{retry.Message} (after a restart with conservative damping: the first run left a parameter on a plateau)",
                    };
                    solution = (double[])ws.Theta.Clone();
                }
            }

            outcomes[s] = outcome;
            thetas[s] = solution;
        }

        SolverWorkspace? serialWorkspace = null;
        if (count == 1 || maxDegreeOfParallelism == 1)
        {
            var ws = serialWorkspace = new SolverWorkspace(problem.N, problem.P, q);
            for (var s = 0; s < count; s++)
            {
                RunOne(s, ws);
            }
        }
        else
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
            Parallel.For(0, count, parallel, () => new SolverWorkspace(problem.N, problem.P, q),
                (s, _, ws) =>
                {
                    RunOne(s, ws);
                    return ws;
                },
                _ => { });
        }

        _ = clip;

        // Deterministic choice: lowest objective, then converged over not, then lowest index.
        var best = -1;
        for (var s = 0; s < count; s++)
        {
            if (!double.IsFinite(outcomes[s].Objective))
            {
                continue;
            }

            if (best < 0 || outcomes[s].Objective < outcomes[best].Objective)
            {
                best = s;
            }
        }

        var converged = outcomes.Count(o => o.Status == FitStatus.Converged);
        if (best < 0)
        {
            best = 0;
            var outcome = outcomes[0] with
            {
                Status = FitStatus.NonFinite,
                Message = $"the objective was not finite at any of the {count} start(s): {outcomes[0].Message}",
            };
            var summaryFailed = new MultiStartSummary(count, 0, 0, 0, scanned, problem.Options.Starts.ToString());
            return BuildNonFinite(problem, starts[0], outcome, summaryFailed);
        }

        var bestObjective = outcomes[best].Objective;
        var tolerance = problem.Options.SameOptimumTolerance;
        var atBest = outcomes.Count(o => double.IsFinite(o.Objective) && o.Objective <= bestObjective + (tolerance * Math.Abs(bestObjective)) + 1e-300);
        var summary = new MultiStartSummary(count, converged, atBest, best, scanned, problem.Options.Starts.ToString());
        return FitResultBuilder.Build(problem, thetas[best], outcomes[best], summary, serialWorkspace);
    }

    private static FitResult BuildNonFinite(FitProblem problem, double[] start, SolverOutcome outcome, MultiStartSummary summary)
    {
        var p = problem.P;
        var nan = Enumerable.Repeat(double.NaN, problem.N).ToArray();
        var se = Enumerable.Range(0, p).Select(k => problem.IsFixed[k] ? 0.0 : double.NaN).ToArray();
        var intervals = Enumerable.Range(0, p).Select(_ => new ParameterInterval(double.NaN, double.NaN, problem.Options.ConfidenceLevel)).ToArray();
        var diagnostics = new FitDiagnostics(outcome.Status, outcome.Iterations, outcome.Evaluations, double.NaN, outcome.Message);
        return new FitResult(problem.Law, problem.Data, problem.Options, (double[])start.Clone(), se, (bool[])problem.IsFixed.Clone(),
            null, null, "the fit failed: the objective is not finite", intervals, nan, (double[])nan.Clone(), double.PositiveInfinity,
            double.PositiveInfinity, problem.N - problem.Q, double.NaN, null, null, null, double.NaN, diagnostics, summary,
            [$"the fit failed: {outcome.Message}"]);
    }
}
