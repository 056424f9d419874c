using System.Globalization;

namespace ScalingLaws.Internal;

/// <summary>
/// Refits one fit on resampled data cheaply: the fit's problem is validated once, each resample shares it (rows selected by
/// index, no re-parsing), and each refit runs the solver in a per-worker <see cref="SolverWorkspace"/> warm-started at the
/// point estimate. Only the natural parameters and the solver status are kept (no covariance, no <see cref="FitResult"/>).
/// </summary>
internal sealed class ResampleFitter
{
    private const int MaxClusterRedraws = 100;

    private readonly double[] _warmTheta;
    private readonly double[] _fittedTarget;
    private readonly double[] _residualPool;
    private readonly int[][] _clusters;

    public ResampleFitter(FitResult fit, BootstrapResampling resampling, bool multiStart, int? maxIterations)
    {
        Resampling = resampling;
        MultiStart = multiStart;
        Problem = new FitProblem(fit.Law, fit.Data, fit.Options);
        SolverOptions = fit.Options with
        {
            MaxIterations = maxIterations ?? fit.Options.MaxIterations,
            MaxDegreeOfParallelism = 1,
        };

        var natural = fit.Parameters.ToArray();
        _warmTheta = new double[Problem.Q];
        var error = Problem.TryToInternal(natural, _warmTheta, clipToBounds: true);
        if (error is not null)
        {
            throw new ArgumentException($"The fit's parameters cannot start a refit: {error}.", nameof(fit));
        }

        var n = Problem.N;
        _fittedTarget = [];
        _residualPool = [];
        if (resampling == BootstrapResampling.Residuals)
        {
            // Fitted values g_i and residuals r_i = √w_i·(T_i − g_i) in the residual space at the point estimate.
            var ws = new SolverWorkspace(n, Problem.P, Problem.Q);
            var residuals = new double[n];
            if (!double.IsFinite(Problem.Evaluate(_warmTheta, ws, residuals, Span<double>.Empty)))
            {
                throw new ArgumentException("The fit's objective is not finite at its parameters, so there are no residuals to resample.", nameof(fit));
            }

            _fittedTarget = new double[n];
            for (var i = 0; i < n; i++)
            {
                var sw = Problem.SqrtWeights is null ? 1.0 : Problem.SqrtWeights[i];
                _fittedTarget[i] = Problem.TransformedTarget[i] - (residuals[i] / sw);
            }

            // Least-squares residuals are centred (their mean is the intercept's job); all are inflated by √(n/(n − q)) to undo
            // the shrinkage of fitted residuals (Davison & Hinkley 1997, §6.2.3).
            var centre = Problem.IsHuber ? 0.0 : residuals.Average();
            var inflation = n > Problem.Q ? Math.Sqrt((double)n / (n - Problem.Q)) : 1.0;
            _residualPool = residuals.Select(r => (r - centre) * inflation).ToArray();
        }

        _clusters = [];
        if (resampling == BootstrapResampling.Clusters)
        {
            var groups = fit.Data.Groups ?? throw new ArgumentException(
                "BootstrapOptions.Resampling is Clusters, but the fitted observations have no groups; attach them with Observations.WithGroups.", "options");
            var order = new List<string>();
            var rowsByGroup = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            for (var i = 0; i < groups.Count; i++)
            {
                if (!rowsByGroup.TryGetValue(groups[i], out var rows))
                {
                    rows = [];
                    rowsByGroup.Add(groups[i], rows);
                    order.Add(groups[i]);
                }

                rows.Add(i);
            }

            if (order.Count < 2)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Cluster resampling needs at least 2 groups, but the fitted observations have {order.Count}."), "options");
            }

            _clusters = order.Select(g => rowsByGroup[g].ToArray()).ToArray();
        }
    }

    public FitProblem Problem { get; }

    public FitOptions SolverOptions { get; }

    public BootstrapResampling Resampling { get; }

    public bool MultiStart { get; }

    /// <summary>Gets the number of units the jackknife leaves out in turn: rows, or groups for cluster resampling.</summary>
    public int JackknifeCount => Resampling == BootstrapResampling.Clusters ? _clusters.Length : Problem.N;

    /// <summary>Draws one resampled problem from the generator.</summary>
    public FitProblem? Draw(ref SeededRandom random)
    {
        var n = Problem.N;
        switch (Resampling)
        {
            case BootstrapResampling.Residuals:
                {
                    var target = new double[n];
                    var sqrtWeights = Problem.SqrtWeights;
                    for (var i = 0; i < n; i++)
                    {
                        var r = _residualPool[random.NextInt(n)];
                        target[i] = _fittedTarget[i] + (sqrtWeights is null ? r : r / sqrtWeights[i]);
                    }

                    return Problem.Resample(null, target, SolverOptions);
                }

            case BootstrapResampling.Clusters:
                {
                    var g = _clusters.Length;
                    var picks = new int[g];
                    for (var attempt = 0; attempt < MaxClusterRedraws; attempt++)
                    {
                        var total = 0;
                        for (var c = 0; c < g; c++)
                        {
                            picks[c] = random.NextInt(g);
                            total += _clusters[picks[c]].Length;
                        }

                        if (total < Problem.Q)
                        {
                            continue;
                        }

                        var rows = new int[total];
                        var at = 0;
                        foreach (var c in picks)
                        {
                            _clusters[c].CopyTo(rows, at);
                            at += _clusters[c].Length;
                        }

                        return Problem.Resample(rows, null, SolverOptions);
                    }

                    return null;
                }

            default:
                {
                    var rows = new int[n];
                    for (var i = 0; i < n; i++)
                    {
                        rows[i] = random.NextInt(n);
                    }

                    return Problem.Resample(rows, null, SolverOptions);
                }
        }
    }

    /// <summary>The problem on given rows (explicit case resamples).</summary>
    public FitProblem FromRows(int[] rows) => Problem.Resample(rows, null, SolverOptions);

    /// <summary>The problem with one row (or one group) left out, for the jackknife.</summary>
    public FitProblem? LeaveOut(int unit)
    {
        int[] rows;
        if (Resampling == BootstrapResampling.Clusters)
        {
            rows = _clusters.Where((_, c) => c != unit).SelectMany(r => r).Order().ToArray();
        }
        else
        {
            rows = Enumerable.Range(0, Problem.N).Where(i => i != unit).ToArray();
        }

        return rows.Length >= Problem.Q ? Problem.Resample(rows, null, SolverOptions) : null;
    }

    /// <summary>Fits a resampled problem from the warm start (and, with multi-start, from the fit's strategy too) and writes
    /// the natural parameters of the best solution. Returns the solver status of that solution.</summary>
    public FitStatus Fit(FitProblem problem, Worker worker, double[] natural)
    {
        var ws = worker.Workspace(problem.N);
        _warmTheta.CopyTo(ws.Theta, 0);
        var best = LevenbergMarquardt.Solve(problem, ws, SolverOptions.MaxIterations);
        var bestTheta = worker.BestTheta;
        ws.Theta.CopyTo(bestTheta, 0);
        if (MultiStart)
        {
            var starts = ScalingLawFitter.BuildStarts(problem).Starts;
            foreach (var start in starts)
            {
                if (problem.TryToInternal(start, ws.Theta, clipToBounds: true) is not null)
                {
                    continue;
                }

                var outcome = LevenbergMarquardt.Solve(problem, ws, SolverOptions.MaxIterations);
                if (double.IsFinite(outcome.Objective) && !(outcome.Objective >= best.Objective))
                {
                    best = outcome;
                    ws.Theta.CopyTo(bestTheta, 0);
                }
            }
        }

        problem.ToNatural(bestTheta, natural);
        return double.IsFinite(best.Objective) ? best.Status : FitStatus.NonFinite;
    }

    /// <summary>Per-thread buffers: one solver workspace per row count (cluster resamples vary in size).</summary>
    internal sealed class Worker
    {
        private readonly ResampleFitter _owner;
        private SolverWorkspace? _workspace;

        public Worker(ResampleFitter owner)
        {
            _owner = owner;
            BestTheta = new double[owner.Problem.Q];
        }

        public double[] BestTheta { get; }

        public SolverWorkspace Workspace(int n)
        {
            if (_workspace is null || _workspace.Values.Length != n)
            {
                _workspace = new SolverWorkspace(n, _owner.Problem.P, _owner.Problem.Q);
            }

            return _workspace;
        }
    }
}
