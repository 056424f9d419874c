namespace ScalingLaws.Internal;

/// <summary>
/// Variable-projection start search: scan a grid of the nonlinear parameters (exponents); for each grid point solve the
/// linear parameters by sign-constrained least squares on the linear-space residuals (weighted by 1/y² for log residuals,
/// which approximates relative errors), rank the completed points by the true objective and return the best few.
/// </summary>
internal static class VariableProjection
{
    private const int MaxGridPoints = 200_000;
    private const int MaxLinearParameters = 8;

    /// <summary>Returns the best grid points as natural parameter vectors (best first), or an empty list when the law
    /// has no linear structure or the problem does not allow the search (fixed linear parameters, too large a grid).</summary>
    public static (List<double[]> Starts, int Scanned) Search(FitProblem problem, int keep, int maxDegreeOfParallelism)
    {
        var law = problem.Law;
        var linear = law.LinearParameterIndices.ToArray();
        if (linear.Length == 0 || linear.Length > MaxLinearParameters || linear.Any(k => problem.IsFixed[k]))
        {
            return ([], 0);
        }

        var nonlinear = Enumerable.Range(0, problem.P).Where(k => Array.IndexOf(linear, k) < 0).ToArray();
        var grid = law.GetNonlinearSearchGrid();
        if (grid.Count != nonlinear.Length)
        {
            return ([], 0);
        }

        // Axis values: the fixed value for fixed parameters, otherwise the law's grid clipped to the bounds.
        var axes = new double[nonlinear.Length][];
        for (var a = 0; a < nonlinear.Length; a++)
        {
            var k = nonlinear[a];
            axes[a] = problem.IsFixed[k]
                ? [problem.FixedValues[k]]
                : grid[a].Where(v => v >= problem.NaturalLower[k] && v <= problem.NaturalUpper[k]).Distinct().ToArray();
            if (axes[a].Length == 0)
            {
                axes[a] = [Math.Clamp(grid[a].Length > 0 ? grid[a][grid[a].Length / 2] : 0.0, problem.NaturalLower[k], problem.NaturalUpper[k])];
            }
        }

        long total = 1;
        foreach (var axis in axes)
        {
            total *= axis.Length;
            if (total > MaxGridPoints)
            {
                return ([], 0);
            }
        }

        var count = (int)total;
        var objectives = new double[count];
        var linearValues = new double[count * linear.Length];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        var chunk = Math.Max(1, count / (4 * Environment.ProcessorCount));
        var chunks = (count + chunk - 1) / chunk;
        Parallel.For(0, chunks, parallel, () => new GridWorker(problem, linear),
            (c, _, worker) =>
            {
                var end = Math.Min(count, (c + 1) * chunk);
                for (var index = c * chunk; index < end; index++)
                {
                    worker.Run(index, axes, nonlinear, objectives, linearValues);
                }

                return worker;
            },
            _ => { });

        var order = Enumerable.Range(0, count)
            .Where(i => double.IsFinite(objectives[i]))
            .OrderBy(i => objectives[i]).ThenBy(i => i)
            .Take(keep)
            .ToList();
        var starts = new List<double[]>(order.Count);
        foreach (var index in order)
        {
            var natural = new double[problem.P];
            GridWorker.FillNatural(problem, index, axes, nonlinear, linear, linearValues, natural);
            starts.Add(natural);
        }

        return (starts, count);
    }

    private sealed class GridWorker
    {
        private readonly FitProblem _problem;
        private readonly int[] _linear;
        private readonly double[] _basis;
        private readonly double[] _natural;
        private readonly double[] _gram;
        private readonly double[] _rhs;
        private readonly double[] _best;
        private readonly double[] _rowWeights;
        private readonly double[] _y;
        private readonly double[] _residuals;
        private readonly SolverWorkspace _workspace;
        private readonly double[] _theta;

        public GridWorker(FitProblem problem, int[] linear)
        {
            _problem = problem;
            _linear = linear;
            var n = problem.N;
            var m = linear.Length;
            _basis = new double[m * n];
            _natural = new double[problem.P];
            _gram = new double[m * m];
            _rhs = new double[m];
            _best = new double[m];
            _residuals = new double[n];
            _workspace = new SolverWorkspace(n, problem.P, problem.Q);
            _theta = new double[problem.Q];

            // Linear-space least squares; for log residuals weight by 1/y² so the fit approximates relative errors.
            var y = problem.Data.TargetArray;
            var w = problem.Data.WeightArray;
            _y = y;
            _rowWeights = new double[n];
            for (var i = 0; i < n; i++)
            {
                var wi = w is null ? 1.0 : w[i];
                _rowWeights[i] = problem.Space == ResidualSpace.Log ? wi / (y[i] * y[i]) : wi;
            }
        }

        public static void FillNatural(FitProblem problem, int index, double[][] axes, int[] nonlinear, int[] linear, double[] linearValues, double[] natural)
        {
            problem.FixedValues.CopyTo(natural, 0);
            var rest = index;
            for (var a = axes.Length - 1; a >= 0; a--)
            {
                natural[nonlinear[a]] = axes[a][rest % axes[a].Length];
                rest /= axes[a].Length;
            }

            for (var l = 0; l < linear.Length; l++)
            {
                natural[linear[l]] = linearValues[(index * linear.Length) + l];
            }
        }

        public void Run(int index, double[][] axes, int[] nonlinear, double[] objectives, double[] linearValues)
        {
            var problem = _problem;
            var n = problem.N;
            var m = _linear.Length;
            FillNatural(problem, index, axes, nonlinear, _linear, linearValues, _natural);
            problem.Law.EvaluateBasis(_natural, problem.Inputs, _basis);

            // Gram matrix and right-hand side of the weighted normal equations.
            Array.Clear(_gram);
            Array.Clear(_rhs);
            for (var i = 0; i < n; i++)
            {
                var w = _rowWeights[i];
                for (var k = 0; k < m; k++)
                {
                    var bk = _basis[(k * n) + i];
                    if (!double.IsFinite(bk))
                    {
                        objectives[index] = double.PositiveInfinity;
                        return;
                    }

                    _rhs[k] += w * bk * _y[i];
                    for (var l = 0; l <= k; l++)
                    {
                        _gram[(k * m) + l] += w * bk * _basis[(l * n) + i];
                    }
                }
            }

            for (var k = 0; k < m; k++)
            {
                for (var l = 0; l < k; l++)
                {
                    _gram[(l * m) + k] = _gram[(k * m) + l];
                }
            }

            if (!SolveSignConstrained(m))
            {
                objectives[index] = double.PositiveInfinity;
                return;
            }

            // Complete the parameter vector, keep it inside bounds and positive where log-scaled.
            for (var l = 0; l < m; l++)
            {
                var k = _linear[l];
                var v = Math.Clamp(_best[l], problem.NaturalLower[k], problem.NaturalUpper[k]);
                if (problem.IsLog[k] && !(v > 0.0))
                {
                    v = Math.Max(problem.NaturalLower[k], TinyScale(l));
                }

                _natural[k] = v;
                linearValues[(index * m) + l] = v;
            }

            if (problem.TryToInternal(_natural, _theta, clipToBounds: true) is not null)
            {
                objectives[index] = double.PositiveInfinity;
                return;
            }

            objectives[index] = problem.Evaluate(_theta, _workspace, _residuals, Span<double>.Empty);
        }

        private double TinyScale(int l)
        {
            // A small positive coefficient relative to the data: 1e-6 of mean |y| over mean |basis|.
            var n = _problem.N;
            double sy = 0, sb = 0;
            for (var i = 0; i < n; i++)
            {
                sy += Math.Abs(_y[i]);
                sb += Math.Abs(_basis[(l * n) + i]);
            }

            var v = sb > 0.0 ? 1e-6 * sy / sb : 1e-12;
            return v > 0.0 && double.IsFinite(v) ? v : 1e-12;
        }

        /// <summary>Minimises ‖W^½(y − Bc)‖² subject to c_l ≥ 0 for parameters whose lower bound is ≥ 0, by enumerating the
        /// zero patterns of the constrained coefficients (exact for the handful of linear parameters a law has).</summary>
        private bool SolveSignConstrained(int m)
        {
            var constrainedMask = 0;
            for (var l = 0; l < m; l++)
            {
                if (_problem.NaturalLower[_linear[l]] >= 0.0)
                {
                    constrainedMask |= 1 << l;
                }
            }

            return double.IsFinite(SmallDense.SignConstrainedLeastSquares(_gram, _rhs, m, constrainedMask, _best));
        }
    }
}
