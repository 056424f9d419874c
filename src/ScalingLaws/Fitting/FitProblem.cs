using System.Globalization;

namespace ScalingLaws.Internal;

/// <summary>
/// A validated fitting problem in the solver's internal coordinates: free parameters only, log-scaled parameters as logs,
/// residuals already weighted and, for <see cref="ResidualSpace.Log"/>, in log space.
/// </summary>
/// <remarks>
/// Internal objective: <c>F(θ) = Σ ρ(r_i(θ))</c> with <c>ρ(r) = r²/2</c> for least squares (so the reported objective,
/// the residual sum of squares, is 2F) and the Huber function for Huber. Residuals are
/// <c>r_i = √w_i·(y_i − f_i)</c> or <c>√w_i·(log y_i − log f_i)</c>.
/// </remarks>
internal sealed class FitProblem
{
    private readonly Func<Observations>? _dataFactory;
    private Observations? _data;

    public FitProblem(ScalingLaw law, Observations data, FitOptions options)
    {
        Law = law;
        _data = data;
        Options = options;
        Loss = options.Loss;
        Space = options.ResidualSpace;
        N = data.Count;
        P = law.ParameterCount;

        // Inputs: match law inputs to columns by name and check domains.
        var columns = new double[law.Inputs.Count][];
        for (var j = 0; j < law.Inputs.Count; j++)
        {
            var input = law.Inputs[j];
            if (!data.HasColumn(input.Name))
            {
                throw new ArgumentException(
                    $"Law '{law.Name}' needs an input column '{input.Name}' ({input.Description}), but the observations have only {string.Join(", ", data.ColumnNames.Select(c => $"'{c}'"))}.",
                    nameof(data));
            }

            var column = data.ColumnArray(data.IndexOfColumn(input.Name));
            for (var i = 0; i < column.Length; i++)
            {
                var v = column[i];
                var ok = input.Domain switch
                {
                    InputDomain.Positive => double.IsFinite(v) && v > 0.0,
                    InputDomain.NonNegative => double.IsFinite(v) && v >= 0.0,
                    _ => double.IsFinite(v),
                };
                if (!ok)
                {
                    var rule = input.Domain switch
                    {
                        InputDomain.Positive => "positive and finite",
                        InputDomain.NonNegative => "non-negative and finite",
                        _ => "finite",
                    };
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"{input.Name}[{i}] = {v} is not {rule}; law '{law.Name}' needs {input.Name} {rule}."), nameof(data));
                }
            }

            columns[j] = column;
        }

        Inputs = new LawInputs(columns);
        law.ValidateInputs(Inputs);

        // Target and weights.
        var y = data.TargetArray;
        TransformedTarget = new double[N];
        for (var i = 0; i < N; i++)
        {
            var v = y[i];
            if (!double.IsFinite(v))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"{data.TargetName}[{i}] = {v} is not finite."), nameof(data));
            }

            if (Space == ResidualSpace.Log && !(v > 0.0))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"{data.TargetName}[{i}] = {v} is not positive; log residuals need a positive target (use ResidualSpace.Linear)."), nameof(data));
            }

            TransformedTarget[i] = Space == ResidualSpace.Log ? Math.Log(v) : v;
        }

        var w = data.WeightArray;
        SqrtWeights = w?.Select(Math.Sqrt).ToArray();

        // Parameters: bounds, fixed values, scales.
        IsLog = law.Parameters.Select(p => p.Scale == ParameterScale.Log).ToArray();
        NaturalLower = law.Parameters.Select(p => p.LowerBound).ToArray();
        NaturalUpper = law.Parameters.Select(p => p.UpperBound).ToArray();
        if (options.Bounds is not null)
        {
            foreach (var (name, bounds) in options.Bounds)
            {
                var k = IndexOfParameter(name, "FitOptions.Bounds");
                if (double.IsNaN(bounds.Lower) || double.IsNaN(bounds.Upper) || bounds.Lower > bounds.Upper)
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"Bounds of parameter '{name}' are impossible: lower {bounds.Lower} exceeds upper {bounds.Upper} or is NaN."), nameof(options));
                }

                if (IsLog[k] && !(bounds.Upper > 0.0))
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"Parameter '{name}' is positive (fitted as a log), so its upper bound {bounds.Upper} must be positive."), nameof(options));
                }

                NaturalLower[k] = bounds.Lower;
                NaturalUpper[k] = bounds.Upper;
            }
        }

        FixedValues = new double[P];
        IsFixed = new bool[P];
        if (options.FixedParameters is not null)
        {
            foreach (var (name, value) in options.FixedParameters)
            {
                var k = IndexOfParameter(name, "FitOptions.FixedParameters");
                if (!double.IsFinite(value) || (IsLog[k] && !(value > 0.0)))
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"Fixed value {value} of parameter '{name}' is not {(IsLog[k] ? "positive and finite" : "finite")}."), nameof(options));
                }

                IsFixed[k] = true;
                FixedValues[k] = value;
            }
        }

        FreeIndex = Enumerable.Range(0, P).Where(k => !IsFixed[k]).ToArray();
        Q = FreeIndex.Length;
        if (Q == 0)
        {
            throw new ArgumentException("Every parameter is fixed; at least one must be free to fit.", nameof(options));
        }

        if (N < Q)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"There are {N} observations but {Q} free parameters; a fit needs at least as many observations as free parameters."), nameof(data));
        }

        Lower = new double[Q];
        Upper = new double[Q];
        for (var q = 0; q < Q; q++)
        {
            var k = FreeIndex[q];
            Lower[q] = IsLog[k] ? (NaturalLower[k] > 0.0 ? Math.Log(NaturalLower[k]) : double.NegativeInfinity) : NaturalLower[k];
            Upper[q] = IsLog[k] ? Math.Log(NaturalUpper[k]) : NaturalUpper[k];
        }
    }

    /// <summary>Shares a validated parent's law, parameters, bounds and fixed values but fits other rows or targets (bootstrap
    /// resamples, jackknife, profile fits): nothing is re-validated, and the observations are built only when asked for.</summary>
    private FitProblem(FitProblem parent, FitOptions options, LawInputs inputs, double[] transformedTarget, double[]? sqrtWeights,
        Func<Observations> dataFactory)
    {
        Law = parent.Law;
        _dataFactory = dataFactory;
        Options = options;
        Loss = parent.Loss;
        Space = parent.Space;
        N = transformedTarget.Length;
        P = parent.P;
        Inputs = inputs;
        TransformedTarget = transformedTarget;
        SqrtWeights = sqrtWeights;
        IsLog = parent.IsLog;
        NaturalLower = parent.NaturalLower;
        NaturalUpper = parent.NaturalUpper;
        FixedValues = parent.FixedValues;
        IsFixed = parent.IsFixed;
        FreeIndex = parent.FreeIndex;
        Q = parent.Q;
        Lower = parent.Lower;
        Upper = parent.Upper;
    }

    public ScalingLaw Law { get; }

    /// <summary>Gets the observations (built on first use for a resampled problem).</summary>
    public Observations Data => _data ??= _dataFactory!();

    public FitOptions Options { get; }

    public LossFunction Loss { get; }

    public ResidualSpace Space { get; }

    public LawInputs Inputs { get; }

    public int N { get; }

    public int P { get; }

    public int Q { get; }

    public int[] FreeIndex { get; }

    public bool[] IsFixed { get; }

    public bool[] IsLog { get; }

    public double[] FixedValues { get; }

    public double[] NaturalLower { get; }

    public double[] NaturalUpper { get; }

    public double[] Lower { get; }

    public double[] Upper { get; }

    public double[] TransformedTarget { get; }

    public double[]? SqrtWeights { get; }

    public bool IsHuber => Loss.Kind == LossKind.Huber;

    public void ToNatural(ReadOnlySpan<double> theta, Span<double> natural)
    {
        FixedValues.CopyTo(natural);
        for (var q = 0; q < Q; q++)
        {
            var k = FreeIndex[q];
            natural[k] = IsLog[k] ? Math.Exp(theta[q]) : theta[q];
        }
    }

    /// <summary>Maps a natural start to internal coordinates; returns an error message when it cannot.</summary>
    public string? TryToInternal(ReadOnlySpan<double> natural, Span<double> theta, bool clipToBounds)
    {
        for (var q = 0; q < Q; q++)
        {
            var k = FreeIndex[q];
            var v = natural[k];
            var name = Law.ParameterNames[k];
            if (!double.IsFinite(v))
            {
                return string.Create(CultureInfo.InvariantCulture, $"start value of '{name}' = {v} is not finite");
            }

            if (clipToBounds)
            {
                v = Math.Clamp(v, NaturalLower[k], NaturalUpper[k]);
            }
            else if (v < NaturalLower[k] || v > NaturalUpper[k])
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"start value of '{name}' = {v} is outside its bounds [{NaturalLower[k]}, {NaturalUpper[k]}]");
            }

            if (IsLog[k])
            {
                if (!(v > 0.0))
                {
                    if (!clipToBounds)
                    {
                        return string.Create(CultureInfo.InvariantCulture,
                            $"start value of '{name}' = {v} is not positive, but '{name}' is a positive (log-scaled) parameter");
                    }

                    v = double.Epsilon * 1e10;
                }

                theta[q] = Math.Clamp(Math.Log(v), Lower[q], Upper[q]);
            }
            else
            {
                theta[q] = v;
            }
        }

        return null;
    }

    /// <summary>Evaluates residuals (and the Jacobian of the residuals w.r.t. θ, column-major q×n) into the given buffers.
    /// Returns the internal objective F, or +∞ when anything is not finite.</summary>
    public double Evaluate(ReadOnlySpan<double> theta, SolverWorkspace ws, Span<double> residuals, Span<double> jacobian)
    {
        var natural = ws.Natural;
        ToNatural(theta, natural);
        var withJacobian = !jacobian.IsEmpty;
        Law.Evaluate(natural, Inputs, ws.Values, withJacobian ? ws.LawJacobian : Span<double>.Empty);
        var values = ws.Values;
        var lawJ = ws.LawJacobian;
        var f = 0.0;
        var log = Space == ResidualSpace.Log;
        var logValues = ws.LogValues;
        if (log)
        {
            VectorKernels.Log(values, logValues);
        }

        // Two passes: residuals with their per-row chain-rule factor ∂r_i/∂f_i, then the Jacobian one contiguous column at a
        // time. Splitting the row loop this way (and checking finiteness once per column) halved the cost of this
        // transform, which was larger than the law's own evaluation (benchmarks -- probe).
        var scale = ws.ResidualScale;
        for (var i = 0; i < N; i++)
        {
            var v = values[i];
            var sw = SqrtWeights is null ? 1.0 : SqrtWeights[i];
            double r;
            if (log)
            {
                if (!(v > 0.0))
                {
                    return double.PositiveInfinity;
                }

                r = sw * (TransformedTarget[i] - logValues[i]);
                scale[i] = -sw / v;
            }
            else
            {
                r = sw * (TransformedTarget[i] - v);
                scale[i] = -sw;
            }

            if (!double.IsFinite(r))
            {
                return double.PositiveInfinity;
            }

            residuals[i] = r;
            f += Rho(r);
        }

        if (withJacobian)
        {
            // Column-major residual Jacobian: jacobian[q·N + i] = ∂r_i/∂θ_q (contiguous columns for SIMD dot products).
            for (var q = 0; q < Q; q++)
            {
                var k = FreeIndex[q];
                var factor = IsLog[k] ? natural[k] : 1.0;
                var column = jacobian.Slice(q * N, N);
                var check = 0.0;
                for (var i = 0; i < N; i++)
                {
                    var d = lawJ[(i * P) + k] * scale[i] * factor;
                    column[i] = d;
                    check += d * 0.0; // stays 0 unless some d is NaN or ±∞
                }

                if (check != 0.0)
                {
                    return double.PositiveInfinity;
                }
            }
        }

        return f;
    }

    /// <summary>
    /// Returns a problem with the same law, parameters, bounds and fixed values on other rows of these data (rows may repeat)
    /// and, optionally, other targets, without validating again. Used by the bootstrap and the jackknife.
    /// </summary>
    /// <param name="rows">Row indices into this problem, or <see langword="null"/> for the same rows.</param>
    /// <param name="transformedTarget">Targets in the residual space (log y for log residuals), one per selected row, or
    /// <see langword="null"/> for this problem's targets of the selected rows. Not copied.</param>
    /// <param name="options">Options for the solver (tolerances, iteration limit); the loss, residual space, bounds and fixed
    /// parameters stay those of this problem.</param>
    public FitProblem Resample(int[]? rows, double[]? transformedTarget, FitOptions options)
    {
        var inputs = rows is null ? Inputs : Inputs.SelectRows(rows);
        var target = transformedTarget ?? (rows is null ? TransformedTarget : Select(TransformedTarget, rows));
        var sqrtWeights = SqrtWeights is null || rows is null ? SqrtWeights : Select(SqrtWeights, rows);
        var parentData = Data;
        var space = Space;
        Observations BuildData()
        {
            var data = rows is null ? parentData : parentData.SelectRows(rows);
            if (transformedTarget is null)
            {
                return data;
            }

            var y = space == ResidualSpace.Log ? transformedTarget.Select(Math.Exp).ToArray() : (double[])transformedTarget.Clone();
            var columns = Enumerable.Range(0, data.ColumnNames.Count).Select(data.ColumnArray).ToArray();
            return new Observations(data.ColumnNames, columns, y, data.WeightArray, data.Groups?.ToArray(), data.TargetName);
        }

        return new FitProblem(this, options, inputs, target, sqrtWeights, BuildData);
    }

    /// <summary>Internal loss: r²/2 for least squares, Huber otherwise.</summary>
    public double Rho(double r)
    {
        if (!IsHuber)
        {
            return 0.5 * r * r;
        }

        var a = Math.Abs(r);
        var delta = Loss.Delta;
        return a <= delta ? 0.5 * r * r : delta * (a - (0.5 * delta));
    }

    /// <summary>IRLS weight ψ(r)/r.</summary>
    public double IrlsWeight(double r)
    {
        if (!IsHuber)
        {
            return 1.0;
        }

        var a = Math.Abs(r);
        return a <= Loss.Delta ? 1.0 : Loss.Delta / a;
    }

    /// <summary>Converts the internal objective to the reported one (RSS for least squares, Huber sum otherwise).</summary>
    public double ReportedObjective(double internalObjective) => IsHuber ? internalObjective : 2.0 * internalObjective;

    private static double[] Select(double[] values, int[] rows)
    {
        var selected = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            selected[i] = values[rows[i]];
        }

        return selected;
    }

    private int IndexOfParameter(string name, string option)
    {
        var k = Law.ParameterNames.ToList().IndexOf(name);
        if (k < 0)
        {
            throw new ArgumentException(
                $"{option} names '{name}', but law '{Law.Name}' has parameters {string.Join(", ", Law.ParameterNames)}.", "options");
        }

        return k;
    }
}
