using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ScalingLaws;

/// <summary>
/// The Multi-Power Law of Luo et al. (2025) for the loss along a training run under any learning-rate schedule:
/// <c>L(t) = L0 + A·S1(t)^(−alpha) + B·LD(t)</c> with the loss-drop term
/// <c>LD(t) = Σ_{k=1}^{t} (η_k − η_{k−1})·[1 − (1 + C·η_k^(−gamma)·S_k(t))^(−beta)]</c>,
/// <c>S1(t) = Σ_{τ=0}^{t} η_τ</c> and <c>S_k(t) = Σ_{τ=k}^{t} η_τ</c>.
/// </summary>
/// <remarks>
/// <para>Parameters, in order: <c>L0</c> (≥ 0), <c>A</c> (positive, fitted as log A), <c>alpha</c> (≥ 0), <c>B</c>
/// (positive, fitted as log B), <c>C</c> (positive, fitted as log C), <c>beta</c> (≥ 0), <c>gamma</c> (≥ 0).
/// L0, A and B enter linearly (variable projection scans alpha, C, beta and gamma).</para>
/// <para>The law needs the whole schedule, not per-row scalars, so an instance holds the schedules
/// (<see cref="Schedules"/>) and its inputs are two columns: <c>curve</c>, the index of a schedule, and <c>step</c>, the step
/// <c>t</c> at which the loss is observed. <see cref="CreateObservations"/> builds such observations from loss curves.
/// A row whose curve or step is not an integer inside the schedules evaluates to NaN (the fitter then reports a non-finite
/// objective); the fitter rejects such rows up front with an <see cref="ArgumentException"/> (<see cref="ValidateInputs"/>).</para>
/// <para>Cost. Per schedule the law stores, once, the prefix sums <c>P(t) = S1(t)</c> and the steps <c>k</c> where the rate
/// changes (<c>η_k ≠ η_{k−1}</c>); <c>S_k(t) = P(t) − P(k−1)</c>. A row at step <c>t</c> then costs one logarithm and one
/// exponential (vectorised) per change point <c>k ≤ t</c>, so evaluating <c>n</c> rows costs <c>O(T + n·K)</c> with <c>K</c>
/// the number of change points, instead of the <c>O(n·t²)</c> of summing <c>S_k(t)</c> directly or the <c>O(T²)</c> of
/// evaluating every step. Piecewise-constant decays (multi-step, WSD with step decay) add a handful of change points to the
/// warmup's; continuous decays (cosine, linear) change at every step, so <c>K ≈ t</c>. The parameter-dependent factors
/// <c>η_k^(−gamma)</c> are computed once per call, O(K). Measured on the repository's shared 2-core machine: the 546 logged
/// steps of a 72,000-step cosine run (about 2·10^7 change-point terms) take 0.15–0.3 s, with or without the Jacobian; the
/// 451 logged steps of the published train set (about 2.8·10^6 terms) 70–80 ms. The sample <c>samples/LrSchedules</c>
/// prints the first measurement.</para>
/// <para>If the rate drops to exactly 0 at a change point, that point contributes its whole drop (the limit of the bracket
/// for gamma &gt; 0) and nothing to the derivatives.</para>
/// <para>Sums are vectorised (<see cref="Vector{T}"/>), so the last bits of a value can depend on the SIMD width of the
/// machine; results are deterministic on one machine.</para>
/// <para>Reference: K. Luo, H. Wen, S. Hu, Z. Sun, Z. Liu, M. Sun, K. Lyu, W. Chen, "A Multi-Power Law for Loss Curve
/// Prediction Across Learning Rate Schedules", ICLR 2025, arXiv:2503.12811.</para>
/// </remarks>
/// <example><code>
/// var curves = new[] { cosineCurve, constantCurve, wsdCurve };
/// var law = new MultiPowerLaw(curves.Select(c => c.Schedule));
/// var data = MultiPowerLaw.CreateObservations(curves);
/// var fit = ScalingLawFitter.Fit(law, data, FitOptions.Default with { Loss = LossFunction.Huber(1e-3), ResidualSpace = ResidualSpace.Log });
/// </code></example>
/// <threadsafety>Immutable; safe to share between threads (parallel fits may call <see cref="Evaluate(ReadOnlySpan{double}, LawInputs, Span{double}, Span{double})"/> concurrently).</threadsafety>
public sealed class MultiPowerLaw : ScalingLaw
{
    private const int CurveColumn = 0;
    private const int StepColumn = 1;

    private static readonly double[] AlphaGrid = [0.3, 0.45, 0.6];
    private static readonly double[] CGrid = [0.5, 2.0, 8.0];
    private static readonly double[] BetaGrid = [0.3, 0.6, 1.2];
    private static readonly double[] GammaGrid = [0.3, 0.6, 0.9];

    private readonly LearningRateSchedule[] _schedules;
    private readonly ScheduleTable[] _tables;
    private readonly int[] _offsets;
    private readonly int _totalChanges;

    /// <summary>Creates the law for the given schedules; input <c>curve = j</c> refers to the j-th schedule.</summary>
    /// <param name="schedules">The schedules; at least one.</param>
    /// <exception cref="ArgumentException">The list is empty or holds null.</exception>
    public MultiPowerLaw(IEnumerable<LearningRateSchedule> schedules)
        : base("multi-power", "L(t) = L0 + A*S1(t)^(-alpha) + B*LD(t), LD(t) = sum_{k=1..t} (eta_k - eta_{k-1})*[1 - (1 + C*eta_k^(-gamma)*S_k(t))^(-beta)]",
            [
                new LawParameter("L0", "loss approached as the forward area grows", ParameterScale.Linear, 0.0, double.PositiveInfinity),
                new LawParameter("A", "scale of the forward-area power law", ParameterScale.Log, 0.0, double.PositiveInfinity),
                new LawParameter("alpha", "exponent of the forward-area power law", ParameterScale.Linear, 0.0, double.PositiveInfinity),
                new LawParameter("B", "scale of the loss drop from learning-rate decay", ParameterScale.Log, 0.0, double.PositiveInfinity),
                new LawParameter("C", "rate of the loss-drop saturation", ParameterScale.Log, 0.0, double.PositiveInfinity),
                new LawParameter("beta", "exponent of the loss-drop saturation", ParameterScale.Linear, 0.0, double.PositiveInfinity),
                new LawParameter("gamma", "exponent of the learning rate in the loss-drop saturation", ParameterScale.Linear, 0.0, double.PositiveInfinity),
            ],
            [
                new LawInput("curve", "index of the run's schedule in MultiPowerLaw.Schedules (integer)", InputDomain.NonNegative),
                new LawInput("step", "optimiser step t at which the loss is observed (integer)", InputDomain.NonNegative),
            ])
    {
        ArgumentNullException.ThrowIfNull(schedules);
        _schedules = [.. schedules];
        if (_schedules.Length == 0)
        {
            throw new ArgumentException("The Multi-Power Law needs at least one schedule.", nameof(schedules));
        }

        _tables = new ScheduleTable[_schedules.Length];
        _offsets = new int[_schedules.Length];
        for (var j = 0; j < _schedules.Length; j++)
        {
            var schedule = _schedules[j] ?? throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"schedules[{j}] is null."), nameof(schedules));
            _tables[j] = new ScheduleTable(schedule.RateArray);
            _offsets[j] = _totalChanges;
            _totalChanges += _tables[j].ChangeCount;
        }
    }

    /// <summary>Gets the schedules; input <c>curve = j</c> refers to <c>Schedules[j]</c>.</summary>
    public IReadOnlyList<LearningRateSchedule> Schedules => Array.AsReadOnly(_schedules);

    /// <inheritdoc/>
    public override IReadOnlyList<int> LinearParameterIndices { get; } = [0, 1, 3];

    /// <summary>
    /// Creates observations for the law built from the curves' schedules in the same order
    /// (<c>new MultiPowerLaw(curves.Select(c =&gt; c.Schedule))</c>): columns <c>curve</c> (the curve's index) and <c>step</c>,
    /// target <c>loss</c>, group label = curve name.
    /// </summary>
    /// <param name="curves">The curves; at least one, with distinct names.</param>
    /// <returns>The observations.</returns>
    /// <exception cref="ArgumentException">The list is empty, holds null, or two curves share a name.</exception>
    public static Observations CreateObservations(IReadOnlyList<LossCurve> curves)
    {
        LossCurve.CheckCurves(curves);
        var total = curves.Sum(c => c.Count);
        var curve = new double[total];
        var step = new double[total];
        var loss = new double[total];
        var groups = new string[total];
        var row = 0;
        for (var j = 0; j < curves.Count; j++)
        {
            var c = curves[j];
            for (var i = 0; i < c.Count; i++, row++)
            {
                curve[row] = j;
                step[row] = c.StepArray[i];
                loss[row] = c.LossArray[i];
                groups[row] = c.Name;
            }
        }

        return new Observations(["curve", "step"], [curve, step], loss, groups: groups, targetName: "loss")
            .WithProvenance(string.Create(CultureInfo.InvariantCulture,
                $"loss curves {string.Join(", ", curves.Select(c => c.Name))} ({total} rows; columns curve, step)"));
    }

    /// <inheritdoc/>
    public override void Evaluate(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> values, Span<double> jacobian)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        EvaluateCore(parameters, inputs, values, jacobian, basis: []);
    }

    /// <inheritdoc/>
    public override void EvaluateBasis(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> basis)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        EvaluateCore(parameters, inputs, [], [], basis);
    }

    /// <inheritdoc/>
    public override IReadOnlyList<double[]> GetNonlinearSearchGrid() => [[.. AlphaGrid], [.. CGrid], [.. BetaGrid], [.. GammaGrid]];

    /// <summary>
    /// Gets a default start from the data: L0 just below the smallest loss and mid-range values for the other parameters
    /// (the fitter adds its grid search over the exponents). Also checks every row's curve and step.
    /// </summary>
    /// <param name="inputs">The input columns (<c>curve</c>, <c>step</c>).</param>
    /// <param name="target">The observed losses.</param>
    /// <returns>One starting point.</returns>
    /// <exception cref="ArgumentException">A row's curve is not an index into <see cref="Schedules"/>, or its step is not an
    /// integer inside that schedule.</exception>
    public override IReadOnlyList<double[]> GetDefaultStarts(LawInputs inputs, ReadOnlySpan<double> target)
    {
        ValidateInputs(inputs);
        var min = double.PositiveInfinity;
        foreach (var y in target)
        {
            min = Math.Min(min, y);
        }

        var l0 = Math.Max(0.0, 0.9 * min);
        return [[l0, 0.5, 0.5, 300.0, 2.0, 0.6, 0.6]];
    }

    /// <summary>Checks that every row names a step of one of the law's schedules.</summary>
    /// <param name="inputs">The input columns (<c>curve</c>, <c>step</c>).</param>
    /// <exception cref="ArgumentException">A row's curve is not an index into <see cref="Schedules"/>, or its step is not an
    /// integer inside that schedule.</exception>
    public override void ValidateInputs(LawInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var curves = inputs.Column(CurveColumn);
        var steps = inputs.Column(StepColumn);
        for (var i = 0; i < inputs.Count; i++)
        {
            if (!TryRow(curves[i], steps[i], out _, out _))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Row {i}: curve = {curves[i]}, step = {steps[i]} does not name a step of one of the law's {_schedules.Length} schedules; curve must be an integer in 0 … {_schedules.Length - 1} and step an integer below that schedule's step count."),
                    nameof(inputs));
            }
        }
    }

    private bool TryRow(double curve, double step, out int curveIndex, out int stepIndex)
    {
        curveIndex = -1;
        stepIndex = -1;
        if (!(curve >= 0.0 && curve < _tables.Length && Math.Floor(curve) == curve))
        {
            return false;
        }

        curveIndex = (int)curve;
        if (!(step >= 0.0 && step < _tables[curveIndex].StepCount && Math.Floor(step) == step))
        {
            return false;
        }

        stepIndex = (int)step;
        return true;
    }

    /// <summary>Evaluates values (and the Jacobian) or the linear basis at every row.</summary>
    private void EvaluateCore(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> values, Span<double> jacobian, Span<double> basis)
    {
        var l0 = parameters[0];
        var a = parameters[1];
        var alpha = parameters[2];
        var b = parameters[3];
        var c = parameters[4];
        var beta = parameters[5];
        var gamma = parameters[6];
        var n = inputs.Count;
        var p = ParameterCount;
        var withJacobian = !jacobian.IsEmpty;
        var withBasis = !basis.IsEmpty;
        var curves = inputs.Column(CurveColumn);
        var steps = inputs.Column(StepColumn);

        // η_k^(−γ) per change point, computed lazily per schedule for this call.
        var scaled = ArrayPool<double>.Shared.Rent(Math.Max(1, _totalChanges));
        var readyStorage = _tables.Length <= 256 ? null : ArrayPool<bool>.Shared.Rent(_tables.Length);
        Span<bool> ready = readyStorage is null ? stackalloc bool[_tables.Length] : readyStorage.AsSpan(0, _tables.Length);
        ready.Clear();
        try
        {
            for (var i = 0; i < n; i++)
            {
                if (!TryRow(curves[i], steps[i], out var curve, out var t))
                {
                    WriteNaN(i, n, p, values, jacobian, basis);
                    continue;
                }

                var table = _tables[curve];
                var factors = scaled.AsSpan(_offsets[curve], table.ChangeCount);
                if (!ready[curve])
                {
                    table.FillScaledRates(gamma, factors);
                    ready[curve] = true;
                }

                var sums = table.LossDrop(t, c, beta, factors, withJacobian);
                var s1 = table.Prefix[t];
                var logS1 = Math.Log(s1);
                var power = Math.Exp(-alpha * logS1);
                if (withBasis)
                {
                    basis[i] = 1.0;
                    basis[n + i] = power;
                    basis[(2 * n) + i] = sums.LossDrop;
                    continue;
                }

                values[i] = l0 + (a * power) + (b * sums.LossDrop);
                if (withJacobian)
                {
                    var row = jacobian.Slice(i * p, p);
                    row[0] = 1.0;
                    row[1] = power;
                    row[2] = -a * power * logS1;
                    row[3] = sums.LossDrop;
                    row[4] = b * beta * sums.ScaledSum;
                    row[5] = b * sums.BetaSum;
                    row[6] = -b * beta * c * sums.GammaSum;
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scaled);
            if (readyStorage is not null)
            {
                ArrayPool<bool>.Shared.Return(readyStorage);
            }
        }
    }

    private static void WriteNaN(int i, int n, int p, Span<double> values, Span<double> jacobian, Span<double> basis)
    {
        if (!basis.IsEmpty)
        {
            basis[i] = double.NaN;
            basis[n + i] = double.NaN;
            basis[(2 * n) + i] = double.NaN;
            return;
        }

        values[i] = double.NaN;
        if (!jacobian.IsEmpty)
        {
            jacobian.Slice(i * p, p).Fill(double.NaN);
        }
    }

    /// <summary>The sums of one row: LD and the pieces of its derivatives.</summary>
    private readonly record struct DropSums(double LossDrop, double BetaSum, double ScaledSum, double GammaSum);

    /// <summary>Parameter-independent tables of one schedule: prefix sums and change points.</summary>
    private sealed class ScheduleTable
    {
        public ScheduleTable(double[] rates)
        {
            StepCount = rates.Length;
            Prefix = new double[rates.Length];
            var sum = 0.0;
            for (var t = 0; t < rates.Length; t++)
            {
                sum += rates[t];
                Prefix[t] = sum;
            }

            var steps = new List<int>();
            var zeroSteps = new List<int>();
            for (var k = 1; k < rates.Length; k++)
            {
                if (rates[k] != rates[k - 1])
                {
                    (rates[k] > 0.0 ? steps : zeroSteps).Add(k);
                }
            }

            ChangeSteps = [.. steps];
            Delta = steps.Select(k => rates[k] - rates[k - 1]).ToArray();
            Before = steps.Select(k => Prefix[k - 1]).ToArray();
            LogRate = steps.Select(k => Math.Log(rates[k])).ToArray();
            ZeroSteps = [.. zeroSteps];
            ZeroDelta = zeroSteps.Select(k => rates[k] - rates[k - 1]).ToArray();
        }

        public int StepCount { get; }

        /// <summary>P(t) = Σ_{τ≤t} η_τ.</summary>
        public double[] Prefix { get; }

        /// <summary>Steps k ≥ 1 with η_k ≠ η_{k−1} and η_k &gt; 0, increasing.</summary>
        public int[] ChangeSteps { get; }

        /// <summary>η_k − η_{k−1} at each change point.</summary>
        public double[] Delta { get; }

        /// <summary>P(k − 1) at each change point, so S_k(t) = P(t) − P(k − 1).</summary>
        public double[] Before { get; }

        /// <summary>log η_k at each change point.</summary>
        public double[] LogRate { get; }

        /// <summary>Change points where the rate drops to exactly 0 (their bracket is 1).</summary>
        public int[] ZeroSteps { get; }

        public double[] ZeroDelta { get; }

        public int ChangeCount => ChangeSteps.Length;

        public void FillScaledRates(double gamma, Span<double> factors)
        {
            for (var j = 0; j < factors.Length; j++)
            {
                factors[j] = Math.Exp(-gamma * LogRate[j]);
            }
        }

        /// <summary>
        /// Sums over the change points k ≤ t, with S = P(t) − P(k−1), e = η_k^(−γ), x = 1 + C·e·S, g = x^(−β):
        /// LD = Σ d(1 − g); ∂LD/∂β = Σ d·g·log x; Σ d·g·e·S/x (so ∂LD/∂C = β·that); Σ d·g·e·S·log η/x (∂LD/∂γ = −β·C·that).
        /// </summary>
        public DropSums LossDrop(int t, double c, double beta, ReadOnlySpan<double> factors, bool withDerivatives)
        {
            var count = UpperBound(ChangeSteps, t);
            var pt = Prefix[t];
            double drop = 0, betaSum = 0, scaledSum = 0, gammaSum = 0;
            var j = 0;
            var width = Vector<double>.Count;
            if (Vector.IsHardwareAccelerated && count >= width)
            {
                ref var before = ref MemoryMarshal.GetArrayDataReference(Before);
                ref var delta = ref MemoryMarshal.GetArrayDataReference(Delta);
                ref var logRate = ref MemoryMarshal.GetArrayDataReference(LogRate);
                ref var factor = ref MemoryMarshal.GetReference(factors);
                var vPt = new Vector<double>(pt);
                var vC = new Vector<double>(c);
                var vNegBeta = new Vector<double>(-beta);
                var one = Vector<double>.One;
                Vector<double> vDrop = Vector<double>.Zero, vBeta = Vector<double>.Zero, vScaled = Vector<double>.Zero, vGamma = Vector<double>.Zero;
                for (; j <= count - width; j += width)
                {
                    var offset = (nuint)j;
                    var s = vPt - Vector.LoadUnsafe(ref before, offset);
                    var e = Vector.LoadUnsafe(ref factor, offset);
                    var x = one + (vC * e * s);
                    var logX = Vector.Log(x);
                    var g = Vector.Exp(vNegBeta * logX);
                    var d = Vector.LoadUnsafe(ref delta, offset);
                    vDrop += d * (one - g);
                    if (withDerivatives)
                    {
                        var dg = d * g;
                        vBeta += dg * logX;
                        var u = dg * e * s / x;
                        vScaled += u;
                        vGamma += u * Vector.LoadUnsafe(ref logRate, offset);
                    }
                }

                drop = Vector.Sum(vDrop);
                betaSum = Vector.Sum(vBeta);
                scaledSum = Vector.Sum(vScaled);
                gammaSum = Vector.Sum(vGamma);
            }

            for (; j < count; j++)
            {
                var s = pt - Before[j];
                var e = factors[j];
                var x = 1.0 + (c * e * s);
                var logX = Math.Log(x);
                var g = Math.Exp(-beta * logX);
                var d = Delta[j];
                drop += d * (1.0 - g);
                if (withDerivatives)
                {
                    var dg = d * g;
                    betaSum += dg * logX;
                    var u = dg * e * s / x;
                    scaledSum += u;
                    gammaSum += u * LogRate[j];
                }
            }

            for (var z = 0; z < ZeroSteps.Length && ZeroSteps[z] <= t; z++)
            {
                drop += ZeroDelta[z];
            }

            return new DropSums(drop, betaSum, scaledSum, gammaSum);
        }

        /// <summary>Number of entries of the increasing array that are ≤ value.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int UpperBound(int[] sorted, int value)
        {
            var index = Array.BinarySearch(sorted, value);
            return index >= 0 ? index + 1 : ~index;
        }
    }
}
