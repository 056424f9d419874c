using System.Globalization;
using ScalingLaws.Internal;

namespace ScalingLaws;

/// <summary>
/// The broken neural scaling law (BNSL) of Caballero et al. (2023) with 1 to 3 breaks:
/// <c>y = a + b·x^(−c0)·Π_{i=1..n} (1 + (x/d_i)^(1/f_i))^(−c_i·f_i)</c>, a smoothly broken power law whose log-log slope
/// changes from <c>−c0</c> to <c>−(c0 + c1 + … + c_i)</c> around each break <c>d_i</c>, with sharpness <c>1/f_i</c>.
/// </summary>
/// <remarks>
/// <para>Parameters, in order: <c>a</c> (limit as x grows, ≥ 0), <c>b</c> (scale, positive, fitted as log b), <c>c0</c> (slope of
/// the first segment), then for each break i: <c>c_i</c> (change of slope at the break; negative for a rise, as in double
/// descent), <c>d_i</c> (location of the break, positive, fitted as a log), <c>f_i</c> (smoothness of the break: small is sharp;
/// positive, fitted as a log). Input: <c>x</c> (positive).</para>
/// <para>Reference: E. Caballero, K. Gupta, I. Rish, D. Krueger, "Broken Neural Scaling Laws", ICLR 2023, arXiv:2210.14891,
/// equation 1. Formula checked against the authors' repository (ethancaballero/broken_neural_scaling_laws) as transcribed in
/// <c>../shared/data/bnsl-4digit-addition/SOURCE.md</c>.</para>
/// <para>a and b enter linearly. Default starts: a data-aware search that places the breaks on a logarithmic grid inside the
/// observed range of x, scans the slopes and smoothness on small grids, solves a and b by non-negative least squares on
/// relative errors, and polishes the best eight candidates by a compass search over (c0, c_i, log d_i, log f_i); for one
/// break the fitter's variable-projection search over a wide data-independent grid is added. Each factor is evaluated as
/// <c>exp(−c_i·f_i·softplus((log x − log d_i)/f_i))</c>, so sharp breaks do not overflow.</para>
/// <para>The breaks are interchangeable (relabelling them leaves the law unchanged), so a fit may return them in any order:
/// sort the triples by d_i before comparing fits.</para>
/// <para>As the authors note, a fit to your own data may need a finer or wider start grid; pass one through
/// <see cref="FitOptions.Starts"/>.</para>
/// </remarks>
/// <example><code>
/// var fit = ScalingLawFitter.Fit(new BrokenNeuralScalingLaw(1), trainSetSizes, testLosses,
///     FitOptions.Default with { ResidualSpace = ResidualSpace.Log });
/// </code></example>
public sealed class BrokenNeuralScalingLaw : ScalingLaw
{
    /// <summary>The largest number of breaks supported.</summary>
    public const int MaxBreakCount = 3;

    private static readonly double[] SlopeGrid = [0.0, 0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1.0];
    private static readonly double[] ChangeGrid = [-1.0, -0.5, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0];
    private static readonly double[] BreakGrid = LiteratureMath.Logarithmic(1e-2, 1e10, 49);
    private static readonly double[] SmoothnessGrid = [0.03, 0.1, 0.3, 1.0];

    /// <summary>Creates the law with one break and input name <c>x</c>.</summary>
    public BrokenNeuralScalingLaw()
        : this(1, "x")
    {
    }

    /// <summary>Creates the law with the given number of breaks and input name <c>x</c>.</summary>
    /// <param name="breakCount">Number of breaks, 1 to 3.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="breakCount"/> is not 1, 2 or 3.</exception>
    public BrokenNeuralScalingLaw(int breakCount)
        : this(breakCount, "x")
    {
    }

    /// <summary>Creates the law with the given number of breaks and a custom input name.</summary>
    /// <param name="breakCount">Number of breaks, 1 to 3.</param>
    /// <param name="inputName">Name of the input column, for example <c>train_set_size</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="breakCount"/> is not 1, 2 or 3.</exception>
    public BrokenNeuralScalingLaw(int breakCount, string inputName)
        : base(string.Create(CultureInfo.InvariantCulture, $"bnsl-{CheckBreakCount(breakCount)}"), BuildFormula(breakCount, inputName),
            BuildParameters(breakCount), [new LawInput(inputName, "the scaling variable (data, parameters, compute, steps, ...)")])
    {
        BreakCount = breakCount;
    }

    /// <summary>Gets the number of breaks.</summary>
    public int BreakCount { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<int> LinearParameterIndices { get; } = [0, 1];

    /// <inheritdoc/>
    public override void Evaluate(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> values, Span<double> jacobian)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var a = parameters[0];
        var b = parameters[1];
        var c0 = parameters[2];
        var breaks = BreakCount;
        var p = ParameterCount;
        Span<double> logD = stackalloc double[MaxBreakCount];
        Span<double> z = stackalloc double[MaxBreakCount];
        Span<double> softplus = stackalloc double[MaxBreakCount];
        for (var j = 0; j < breaks; j++)
        {
            logD[j] = Math.Log(parameters[4 + (3 * j)]);
        }

        var logX = inputs.LogColumn(0);
        var withJacobian = !jacobian.IsEmpty;
        for (var i = 0; i < logX.Length; i++)
        {
            var lx = logX[i];
            var logG = -c0 * lx;
            for (var j = 0; j < breaks; j++)
            {
                var c = parameters[3 + (3 * j)];
                var f = parameters[5 + (3 * j)];
                z[j] = (lx - logD[j]) / f;
                softplus[j] = LiteratureMath.Softplus(z[j]);
                logG -= c * f * softplus[j];
            }

            var g = Math.Exp(logG);
            var bg = b * g;
            values[i] = a + bg;
            if (!withJacobian)
            {
                continue;
            }

            var row = jacobian.Slice(p * i, p);
            row[0] = 1.0;
            row[1] = g;
            row[2] = -bg * lx;
            for (var j = 0; j < breaks; j++)
            {
                var c = parameters[3 + (3 * j)];
                var d = parameters[4 + (3 * j)];
                var f = parameters[5 + (3 * j)];
                var s = LiteratureMath.Sigmoid(z[j]);
                row[3 + (3 * j)] = -bg * f * softplus[j];
                row[4 + (3 * j)] = bg * c * s / d;
                row[5 + (3 * j)] = bg * c * ((s * z[j]) - softplus[j]);
            }
        }
    }

    /// <inheritdoc/>
    public override void EvaluateBasis(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> basis)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var logX = inputs.LogColumn(0);
        var n = logX.Length;
        for (var i = 0; i < n; i++)
        {
            basis[i] = 1.0;
            basis[n + i] = Shape(parameters, logX[i]);
        }
    }

    /// <inheritdoc/>
    /// <remarks>One break: c0 × c1 × d1 × f1 over 8 × 8 × 49 × 4 values, with d1 from 1e-2 to 1e10 (quarter decades).
    /// More breaks: no data-independent grid (the data-aware default starts cover them).</remarks>
    public override IReadOnlyList<double[]> GetNonlinearSearchGrid()
        => BreakCount == 1 ? [[.. SlopeGrid], [.. ChangeGrid], [.. BreakGrid], [.. SmoothnessGrid]] : [];

    /// <inheritdoc/>
    public override IReadOnlyList<double[]> GetDefaultStarts(LawInputs inputs, ReadOnlySpan<double> target)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var logX = inputs.LogColumn(0).ToArray();
        var (minLog, maxLog) = LiteratureMath.Range(logX);
        var breaks = BreakCount;
        var (slopes, changes, smoothness, positions) = breaks switch
        {
            1 => (new[] { 0.0, 0.05, 0.1, 0.2, 0.4, 0.8 }, new[] { -1.0, -0.5, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0 }, new[] { 0.03, 0.1, 0.3, 1.0 }, 16),
            2 => (new[] { 0.0, 0.1, 0.3 }, new[] { -0.5, 0.3, 1.0, 3.0 }, new[] { 0.1, 0.5 }, 12),
            _ => (new[] { 0.0, 0.2 }, new[] { -0.5, 1.0 }, new[] { 0.3 }, 9),
        };
        var span = Math.Max(maxLog - minLog, 1e-6);
        var locations = Enumerable.Range(0, positions).Select(k => Math.Exp(minLog + (span * (k + 0.5) / positions))).ToArray();
        var search = new ShapeSearch(this, logX, target);
        var collector = new StartCollector(8);
        var natural = new double[ParameterCount];
        var perBreak = changes.Length * smoothness.Length;
        var patterns = (int)Math.Pow(perBreak, breaks);
        var placements = IncreasingTuples(positions, breaks);
        foreach (var c0 in slopes)
        {
            natural[2] = c0;
            foreach (var picked in placements)
            {
                for (var pattern = 0; pattern < patterns; pattern++)
                {
                    var rest = pattern;
                    for (var j = 0; j < breaks; j++)
                    {
                        var cell = rest % perBreak;
                        rest /= perBreak;
                        natural[3 + (3 * j)] = changes[cell % changes.Length];
                        natural[4 + (3 * j)] = locations[picked[j]];
                        natural[5 + (3 * j)] = smoothness[cell / changes.Length];
                    }

                    var rss = search.Solve(natural);
                    if (double.IsFinite(rss))
                    {
                        collector.Offer(rss, natural);
                    }
                }
            }
        }

        // Polish each grid point by a compass search over (c0, c_i, log d_i, log f_i) with a and b re-solved at every trial.
        var refined = new StartCollector(8);
        foreach (var start in collector.ToList())
        {
            var rss = search.Refine(start, span / positions);
            refined.Offer(rss, start);
        }

        return refined.ToList();
    }

    /// <summary>Data-aware start search: the shape for given (c0, c_i, d_i, f_i), with a ≥ 0 and b &gt; 0 solved by
    /// non-negative least squares on relative errors, and a compass search that polishes a start.</summary>
    private sealed class ShapeSearch
    {
        private readonly BrokenNeuralScalingLaw _law;
        private readonly double[] _logX;
        private readonly double[] _y;
        private readonly double[] _weights;
        private readonly double[] _basis;
        private readonly double[] _coefficients = new double[2];

        public ShapeSearch(BrokenNeuralScalingLaw law, double[] logX, ReadOnlySpan<double> target)
        {
            _law = law;
            _logX = logX;
            _y = target.ToArray();
            _weights = LiteratureMath.RelativeWeights(target);
            _basis = new double[2 * logX.Length];
        }

        /// <summary>Fills a and b of <paramref name="natural"/> and returns the weighted residual sum of squares (+∞ if b ≤ 0).</summary>
        public double Solve(double[] natural)
        {
            var n = _logX.Length;
            for (var i = 0; i < n; i++)
            {
                _basis[i] = 1.0;
                _basis[n + i] = _law.Shape(natural, _logX[i]);
            }

            var rss = LiteratureMath.SolveSignConstrained(_basis, _y, _weights, 2, 0b11, _coefficients);
            if (!(_coefficients[1] > 0.0))
            {
                return double.PositiveInfinity;
            }

            natural[0] = _coefficients[0];
            natural[1] = _coefficients[1];
            return rss;
        }

        /// <summary>Compass search: steps of 0.2 on slopes, one grid spacing on log d and log 2 on log f, halved whenever no
        /// coordinate move improves, for at most 8 halvings or 300 trials. Updates <paramref name="natural"/> in place.</summary>
        public double Refine(double[] natural, double logSpacing)
        {
            var breaks = _law.BreakCount;
            var coordinates = 1 + (3 * breaks);
            var steps = new double[coordinates];
            steps[0] = 0.2;
            for (var j = 0; j < breaks; j++)
            {
                steps[1 + (3 * j)] = 0.2;
                steps[2 + (3 * j)] = logSpacing;
                steps[3 + (3 * j)] = Math.Log(2.0);
            }

            var best = Solve(natural);
            var trial = (double[])natural.Clone();
            var trials = 0;
            for (var halvings = 0; halvings < 8 && trials < 300;)
            {
                var improved = false;
                for (var k = 0; k < coordinates; k++)
                {
                    foreach (var sign in new[] { 1.0, -1.0 })
                    {
                        Array.Copy(natural, trial, natural.Length);
                        Move(trial, k, sign * steps[k]);
                        trials++;
                        var rss = Solve(trial);
                        if (rss < best)
                        {
                            best = rss;
                            Array.Copy(trial, natural, natural.Length);
                            improved = true;
                            break;
                        }
                    }
                }

                if (!improved)
                {
                    for (var k = 0; k < coordinates; k++)
                    {
                        steps[k] *= 0.5;
                    }

                    halvings++;
                }
            }

            Solve(natural);
            return best;
        }

        private static void Move(double[] natural, int coordinate, double step)
        {
            if (coordinate == 0)
            {
                natural[2] += step;
                return;
            }

            var j = (coordinate - 1) / 3;
            switch ((coordinate - 1) % 3)
            {
                case 0:
                    natural[3 + (3 * j)] += step;
                    break;
                case 1:
                    natural[4 + (3 * j)] *= Math.Exp(step);
                    break;
                default:
                    natural[5 + (3 * j)] *= Math.Exp(step);
                    break;
            }
        }
    }

    private double Shape(ReadOnlySpan<double> parameters, double logX)
    {
        var logG = -parameters[2] * logX;
        for (var j = 0; j < BreakCount; j++)
        {
            var c = parameters[3 + (3 * j)];
            var f = parameters[5 + (3 * j)];
            logG -= c * f * LiteratureMath.Softplus((logX - Math.Log(parameters[4 + (3 * j)])) / f);
        }

        return Math.Exp(logG);
    }

    /// <summary>All strictly increasing index tuples of the given length drawn from 0 … positions − 1.</summary>
    private static List<int[]> IncreasingTuples(int positions, int count)
    {
        var result = new List<int[]>();
        var current = new int[count];
        void Fill(int depth, int from)
        {
            if (depth == count)
            {
                result.Add((int[])current.Clone());
                return;
            }

            for (var k = from; k < positions; k++)
            {
                current[depth] = k;
                Fill(depth + 1, k + 1);
            }
        }

        Fill(0, 0);
        return result;
    }

    private static int CheckBreakCount(int breakCount)
    {
        if (breakCount < 1 || breakCount > MaxBreakCount)
        {
            throw new ArgumentOutOfRangeException(nameof(breakCount), breakCount,
                string.Create(CultureInfo.InvariantCulture, $"A broken neural scaling law has 1 to {MaxBreakCount} breaks."));
        }

        return breakCount;
    }

    private static string BuildFormula(int breakCount, string inputName)
    {
        CheckBreakCount(breakCount);
        ArgumentException.ThrowIfNullOrWhiteSpace(inputName);
        var factors = string.Concat(Enumerable.Range(1, breakCount).Select(i =>
            string.Create(CultureInfo.InvariantCulture, $"*(1 + ({inputName}/d{i})^(1/f{i}))^(-c{i}*f{i})")));
        return $"y = a + b*{inputName}^(-c0){factors}";
    }

    private static LawParameter[] BuildParameters(int breakCount)
    {
        CheckBreakCount(breakCount);
        var list = new List<LawParameter>
        {
            new("a", "limit of y as x grows (irreducible value)", ParameterScale.Linear, 0.0, double.PositiveInfinity),
            new("b", "scale of the broken power law", ParameterScale.Log, 0.0, double.PositiveInfinity),
            new("c0", "slope (on log-log axes, negated) of the first power-law segment"),
        };
        for (var i = 1; i <= breakCount; i++)
        {
            var ci = i.ToString(CultureInfo.InvariantCulture);
            list.Add(new LawParameter($"c{ci}", $"change of slope at break {ci} (negative for a rise)"));
            list.Add(new LawParameter($"d{ci}", $"location of break {ci}, in units of x", ParameterScale.Log, 0.0, double.PositiveInfinity));
            list.Add(new LawParameter($"f{ci}", $"smoothness of break {ci} (small is sharp)", ParameterScale.Log, 0.0, double.PositiveInfinity));
        }

        return [.. list];
    }
}
