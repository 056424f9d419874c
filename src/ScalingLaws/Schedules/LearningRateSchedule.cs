using System.Collections.ObjectModel;
using System.Globalization;

namespace ScalingLaws;

/// <summary>
/// A learning-rate schedule as one rate per optimiser step, <c>η_0 … η_{T−1}</c>: linear warmup followed by a constant,
/// cosine, linear, warmup-stable-decay, multi-step or inverse-square-root phase, or any array (for example read from CSV).
/// </summary>
/// <remarks>
/// <para>Every rate is finite and non-negative. The factories take the step count <c>T</c>, a <see cref="Warmup"/>
/// (default <see cref="Warmup.None"/>) whose last step reaches the peak rate, and the formula's own parameters; the formula
/// applies to the steps <c>t = W … T − 1</c> after a warmup of <c>W</c> steps. With
/// <c>Warmup.Linear(2160)</c>, peak 3e-4 and the floors of the Multi-Power Law data, the factories reproduce the data's
/// <c>lr</c> column (see <c>../shared/data/mpl-lr-schedules/SOURCE.md</c>).</para>
/// <para>Results are reproducible bit for bit on one platform; across platforms <see cref="Math.Cos(double)"/> and
/// <see cref="Math.Pow(double, double)"/> may differ in the last bit.</para>
/// </remarks>
/// <example><code>
/// var cosine = LearningRateSchedule.Cosine(24_000, peakRate: 3e-4, floorRate: 3e-5, Warmup.Linear(2160));
/// var wsd = LearningRateSchedule.WarmupStableDecay(24_000, 3e-4, decayStartStep: 20_000, finalRate: 3e-5,
///     DecayShape.Exponential, Warmup.Linear(2160));
/// </code></example>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class LearningRateSchedule
{
    /// <summary>The largest supported number of steps (100 million; a schedule stores one double per step, 800 MB).</summary>
    public const int MaxStepCount = 100_000_000;

    private readonly double[] _rates;

    private LearningRateSchedule(double[] rates, int warmupSteps, string name)
    {
        _rates = rates;
        WarmupSteps = warmupSteps;
        Name = name;
    }

    /// <summary>Gets the schedule's name (a description of the factory and its arguments unless set with <see cref="WithName"/>).</summary>
    public string Name { get; }

    /// <summary>Gets the number of steps <c>T</c>; the rates are defined for steps 0 … T − 1.</summary>
    public int StepCount => _rates.Length;

    /// <summary>Gets the number of warmup steps at the start of the schedule (0 when there is none or it is unknown).</summary>
    public int WarmupSteps { get; }

    /// <summary>Gets the rates, one per step.</summary>
    public IReadOnlyList<double> Rates => new ReadOnlyCollection<double>(_rates);

    /// <summary>Gets the rate at the last step.</summary>
    public double FinalRate => _rates[^1];

    /// <summary>Gets the largest rate of the schedule.</summary>
    public double PeakRate => _rates.Max();

    /// <summary>Gets the rate at one step.</summary>
    /// <param name="step">Zero-based step, below <see cref="StepCount"/>.</param>
    /// <returns>The learning rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is outside 0 … StepCount − 1.</exception>
    public double this[int step]
    {
        get
        {
            if (step < 0 || step >= _rates.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(step), step,
                    string.Create(CultureInfo.InvariantCulture, $"Step {step} is outside the schedule's steps 0 … {_rates.Length - 1}."));
            }

            return _rates[step];
        }
    }

    internal double[] RateArray => _rates;

    /// <summary>Gets the rates as a span.</summary>
    /// <returns>A read-only view of the rates.</returns>
    public ReadOnlySpan<double> AsSpan() => _rates;

    /// <summary>Returns the same rates under another name.</summary>
    /// <param name="name">The new name, for example <c>cosine_24000</c>.</param>
    /// <returns>The renamed schedule.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public LearningRateSchedule WithName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new LearningRateSchedule(_rates, WarmupSteps, name);
    }

    /// <summary>Creates a constant schedule after an optional warmup.</summary>
    /// <param name="stepCount">Number of steps <c>T</c>; at least 1 and at least the warmup length.</param>
    /// <param name="rate">The constant (peak) rate; non-negative and finite.</param>
    /// <param name="warmup">The warmup; <see langword="null"/> for none.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The step count is below 1 or shorter than the warmup, or the rate is
    /// negative or not finite.</exception>
    public static LearningRateSchedule Constant(int stepCount, double rate, Warmup? warmup = null)
    {
        warmup ??= Warmup.None;
        CheckStepCount(stepCount, warmup);
        CheckRate(rate, nameof(rate));
        var rates = new double[stepCount];
        warmup.Fill(rates, rate);
        rates.AsSpan(warmup.Steps).Fill(rate);
        return Create(rates, warmup, $"constant(T={stepCount}, rate={rate}, {warmup})");
    }

    /// <summary>Creates a cosine schedule: after the warmup, <c>η = floor + ½·(peak − floor)·(1 + cos(π·(t − W)/(T − W)))</c>.</summary>
    /// <param name="stepCount">Number of steps <c>T</c>; at least 1 and at least the warmup length.</param>
    /// <param name="peakRate">Rate at the end of the warmup; non-negative and finite.</param>
    /// <param name="floorRate">Rate approached at step <c>T</c>; non-negative and finite.</param>
    /// <param name="warmup">The warmup; <see langword="null"/> for none.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The step count is below 1 or shorter than the warmup, or a rate is
    /// negative or not finite.</exception>
    public static LearningRateSchedule Cosine(int stepCount, double peakRate, double floorRate, Warmup? warmup = null)
    {
        warmup ??= Warmup.None;
        CheckStepCount(stepCount, warmup);
        CheckRate(peakRate, nameof(peakRate));
        CheckRate(floorRate, nameof(floorRate));
        var rates = new double[stepCount];
        warmup.Fill(rates, peakRate);
        var w = warmup.Steps;
        for (var t = w; t < stepCount; t++)
        {
            rates[t] = floorRate + (0.5 * (peakRate - floorRate) * (1.0 + Math.Cos(Math.PI * (t - w) / (stepCount - w))));
        }

        return Create(rates, warmup, $"cosine(T={stepCount}, peak={peakRate}, floor={floorRate}, {warmup})");
    }

    /// <summary>Creates a linear-decay schedule: after the warmup, <c>η = peak + (final − peak)·(t − W)/(T − W)</c>.</summary>
    /// <param name="stepCount">Number of steps <c>T</c>; at least 1 and at least the warmup length.</param>
    /// <param name="peakRate">Rate at the end of the warmup; non-negative and finite.</param>
    /// <param name="finalRate">Rate approached at step <c>T</c>; non-negative and finite.</param>
    /// <param name="warmup">The warmup; <see langword="null"/> for none.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The step count is below 1 or shorter than the warmup, or a rate is
    /// negative or not finite.</exception>
    public static LearningRateSchedule LinearDecay(int stepCount, double peakRate, double finalRate, Warmup? warmup = null)
    {
        warmup ??= Warmup.None;
        CheckStepCount(stepCount, warmup);
        CheckRate(peakRate, nameof(peakRate));
        CheckRate(finalRate, nameof(finalRate));
        var rates = new double[stepCount];
        warmup.Fill(rates, peakRate);
        var w = warmup.Steps;
        for (var t = w; t < stepCount; t++)
        {
            rates[t] = peakRate + ((finalRate - peakRate) * (t - w) / (stepCount - w));
        }

        return Create(rates, warmup, $"linear-decay(T={stepCount}, peak={peakRate}, final={finalRate}, {warmup})");
    }

    /// <summary>
    /// Creates a warmup-stable-decay (WSD) schedule: the peak rate from the end of the warmup until
    /// <paramref name="decayStartStep"/> <c>D</c>, then a decay towards <paramref name="finalRate"/> with progress
    /// <c>p = (t − D)/(T − D)</c> shaped by <paramref name="shape"/>.
    /// </summary>
    /// <param name="stepCount">Number of steps <c>T</c>; at least 1 and at least the warmup length.</param>
    /// <param name="peakRate">Rate of the stable phase; non-negative and finite (positive for an exponential decay).</param>
    /// <param name="decayStartStep">First step of the decay <c>D</c>; between the warmup length and <c>T</c>.</param>
    /// <param name="finalRate">Rate approached at step <c>T</c>; non-negative and finite (positive for an exponential decay).</param>
    /// <param name="shape">The decay's shape.</param>
    /// <param name="warmup">The warmup; <see langword="null"/> for none.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The step count is below 1 or shorter than the warmup, the decay start is
    /// outside [W, T], a rate is negative or not finite (or not positive for an exponential decay), or the shape is unknown.</exception>
    public static LearningRateSchedule WarmupStableDecay(int stepCount, double peakRate, int decayStartStep, double finalRate,
        DecayShape shape, Warmup? warmup = null)
    {
        warmup ??= Warmup.None;
        CheckStepCount(stepCount, warmup);
        CheckRate(peakRate, nameof(peakRate));
        CheckRate(finalRate, nameof(finalRate));
        if (decayStartStep < warmup.Steps || decayStartStep > stepCount)
        {
            throw new ArgumentOutOfRangeException(nameof(decayStartStep), decayStartStep, string.Create(CultureInfo.InvariantCulture,
                $"The decay must start between the end of the warmup ({warmup.Steps}) and the step count ({stepCount})."));
        }

        if (shape == DecayShape.Exponential && !(peakRate > 0.0 && finalRate > 0.0))
        {
            throw new ArgumentOutOfRangeException(nameof(finalRate), finalRate, string.Create(CultureInfo.InvariantCulture,
                $"An exponential decay needs positive rates, but the peak is {peakRate} and the final rate {finalRate}."));
        }

        if (!Enum.IsDefined(shape))
        {
            throw new ArgumentOutOfRangeException(nameof(shape), shape, "Unknown decay shape.");
        }

        var rates = new double[stepCount];
        warmup.Fill(rates, peakRate);
        rates.AsSpan(warmup.Steps, decayStartStep - warmup.Steps).Fill(peakRate);
        double length = stepCount - decayStartStep;
        for (var t = decayStartStep; t < stepCount; t++)
        {
            var p = (t - decayStartStep) / length;
            rates[t] = shape switch
            {
                DecayShape.Exponential => Math.Pow(peakRate, (stepCount - t) / length) * Math.Pow(finalRate, p),
                DecayShape.Linear => peakRate + ((finalRate - peakRate) * p),
                _ => finalRate + (0.5 * (peakRate - finalRate) * (1.0 + Math.Cos(Math.PI * p))),
            };
        }

        var shapeName = shape.ToString().ToLowerInvariant();
        return Create(rates, warmup,
            $"wsd(T={stepCount}, peak={peakRate}, decay from {decayStartStep} to {finalRate}, {shapeName}, {warmup})");
    }

    /// <summary>
    /// Creates a multi-step (piecewise-constant) schedule: <c>rates[0]</c> from the end of the warmup until
    /// <c>milestones[0]</c>, then <c>rates[j]</c> from <c>milestones[j − 1]</c> until <c>milestones[j]</c>.
    /// </summary>
    /// <param name="stepCount">Number of steps <c>T</c>; at least 1 and at least the warmup length.</param>
    /// <param name="milestones">Steps at which the rate changes; strictly increasing, between the warmup length and <c>T − 1</c>.</param>
    /// <param name="rates">One more rate than milestones; non-negative and finite. The warmup rises to <c>rates[0]</c>.</param>
    /// <param name="warmup">The warmup; <see langword="null"/> for none.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentException">The counts do not match, a milestone is out of order or range, or a rate is
    /// negative or not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The step count is below 1 or shorter than the warmup.</exception>
    public static LearningRateSchedule MultiStep(int stepCount, IReadOnlyList<int> milestones, IReadOnlyList<double> rates, Warmup? warmup = null)
    {
        ArgumentNullException.ThrowIfNull(milestones);
        ArgumentNullException.ThrowIfNull(rates);
        warmup ??= Warmup.None;
        CheckStepCount(stepCount, warmup);
        if (rates.Count != milestones.Count + 1)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"A multi-step schedule needs one more rate than milestones, but got {rates.Count} rates and {milestones.Count} milestones."), nameof(rates));
        }

        for (var j = 0; j < rates.Count; j++)
        {
            CheckRate(rates[j], nameof(rates), j);
        }

        for (var j = 0; j < milestones.Count; j++)
        {
            var m = milestones[j];
            var previous = j == 0 ? warmup.Steps - 1 : milestones[j - 1];
            if (m <= previous || m >= stepCount)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"milestones[{j}] = {m} must exceed {previous} (the previous milestone or the last warmup step) and be below the step count {stepCount}."),
                    nameof(milestones));
            }
        }

        var values = new double[stepCount];
        warmup.Fill(values, rates[0]);
        var start = warmup.Steps;
        for (var j = 0; j < rates.Count; j++)
        {
            var end = j < milestones.Count ? milestones[j] : stepCount;
            values.AsSpan(start, end - start).Fill(rates[j]);
            start = end;
        }

        var rateList = string.Join("/", rates.Select(r => r.ToString(CultureInfo.InvariantCulture)));
        var milestoneList = string.Join(", ", milestones.Select(m => m.ToString(CultureInfo.InvariantCulture)));
        return Create(values, warmup, $"multi-step(T={stepCount}, rates {rateList} changing at {milestoneList}, {warmup})");
    }

    /// <summary>
    /// Creates an inverse-square-root schedule: after the warmup, <c>η = peak·√(τ/(t − W + τ))</c>, which equals the peak at the
    /// end of the warmup and decays like <c>1/√t</c>. With <c>τ = W</c> this is the usual <c>peak·√(W/t)</c>.
    /// </summary>
    /// <param name="stepCount">Number of steps <c>T</c>; at least 1 and at least the warmup length.</param>
    /// <param name="peakRate">Rate at the end of the warmup; non-negative and finite.</param>
    /// <param name="timescale">The time scale <c>τ</c> in steps; at least 1.</param>
    /// <param name="warmup">The warmup; <see langword="null"/> for none.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The step count is below 1 or shorter than the warmup, the rate is
    /// negative or not finite, or the time scale is below 1.</exception>
    public static LearningRateSchedule InverseSquareRoot(int stepCount, double peakRate, int timescale, Warmup? warmup = null)
    {
        warmup ??= Warmup.None;
        CheckStepCount(stepCount, warmup);
        CheckRate(peakRate, nameof(peakRate));
        if (timescale < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(timescale), timescale, "The time scale of an inverse-square-root schedule must be at least 1 step.");
        }

        var rates = new double[stepCount];
        warmup.Fill(rates, peakRate);
        var w = warmup.Steps;
        for (var t = w; t < stepCount; t++)
        {
            rates[t] = peakRate * Math.Sqrt(timescale / (double)(t - w + timescale));
        }

        return Create(rates, warmup, $"inverse-sqrt(T={stepCount}, peak={peakRate}, timescale={timescale}, {warmup})");
    }

    /// <summary>Creates a schedule from one rate per step. The rates are copied.</summary>
    /// <param name="rates">The rates <c>η_0 … η_{T−1}</c>; at least one, each non-negative and finite.</param>
    /// <param name="warmupSteps">How many of the first steps are warmup (used by <see cref="WarmupAccounting"/>); 0 … T.</param>
    /// <param name="name">The schedule's name; <see langword="null"/> for a generated one.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentException"><paramref name="rates"/> is empty or has a negative or non-finite value (the
    /// message names its index and value).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="warmupSteps"/> is outside 0 … T.</exception>
    public static LearningRateSchedule FromArray(ReadOnlySpan<double> rates, int warmupSteps = 0, string? name = null)
    {
        if (rates.IsEmpty)
        {
            throw new ArgumentException("A schedule needs at least one step, but the rates are empty.", nameof(rates));
        }

        for (var i = 0; i < rates.Length; i++)
        {
            CheckRate(rates[i], nameof(rates), i);
        }

        if (warmupSteps < 0 || warmupSteps > rates.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(warmupSteps), warmupSteps, string.Create(CultureInfo.InvariantCulture,
                $"The warmup length must lie in 0 … {rates.Length} (the number of rates)."));
        }

        if (name is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name);
        }

        return new LearningRateSchedule(rates.ToArray(), warmupSteps,
            name ?? string.Create(CultureInfo.InvariantCulture, $"array(T={rates.Length}, warmup {warmupSteps} steps)"));
    }

    /// <summary>Reads a schedule from a CSV file with a step column and a rate column.</summary>
    /// <param name="path">Path of the file.</param>
    /// <param name="options">Column names and how to treat steps missing from the file; <see langword="null"/> for
    /// <see cref="ScheduleCsvOptions.Default"/>.</param>
    /// <returns>The schedule, named after the file.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ArgumentException">A column is missing, a cell is not a number, a step is not a non-negative integer
    /// or not larger than the previous one, a step is missing and <see cref="ScheduleCsvOptions.Gaps"/> is
    /// <see cref="ScheduleGapFill.Reject"/>, or a rate is negative or not finite (the message names the file and line).</exception>
    public static LearningRateSchedule ReadCsv(string path, ScheduleCsvOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The CSV file '{path}' does not exist.", path);
        }

        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return ReadCsv(reader, options, path).WithName(Path.GetFileNameWithoutExtension(path));
    }

    /// <summary>Reads a schedule from CSV text with a step column and a rate column.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">Column names and how to treat steps missing from the text; <see langword="null"/> for
    /// <see cref="ScheduleCsvOptions.Default"/>.</param>
    /// <param name="sourceName">Name used in error messages and as the schedule's name.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentException">A column is missing, a cell is not a number, a step is not a non-negative integer
    /// or not larger than the previous one, a step is missing and gaps are rejected, or a rate is negative or not finite.</exception>
    public static LearningRateSchedule ReadCsv(TextReader reader, ScheduleCsvOptions? options = null, string sourceName = "CSV text")
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        options ??= ScheduleCsvOptions.Default;
        options.Validate();
        var table = ObservationsCsv.Read(reader, new CsvReadOptions
        {
            TargetColumn = options.RateColumn,
            InputColumns = new Dictionary<string, string> { ["step"] = options.StepColumn },
            Delimiter = options.Delimiter,
        }, sourceName);
        var steps = table.Column("step");
        var values = table.Target;
        var n = steps.Count;
        var indices = new int[n];
        for (var r = 0; r < n; r++)
        {
            var s = steps[r];
            if (!(s >= 0.0 && s <= int.MaxValue - 1 && Math.Floor(s) == s))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"'{sourceName}', data row {r + 1}: step {s} is not a non-negative integer."), nameof(reader));
            }

            indices[r] = (int)s;
            if (r > 0 && indices[r] <= indices[r - 1])
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"'{sourceName}', data row {r + 1}: step {indices[r]} does not exceed the previous step {indices[r - 1]}; steps must increase."), nameof(reader));
            }

            var v = values[r];
            if (!(v >= 0.0 && double.IsFinite(v)))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"'{sourceName}', data row {r + 1} (step {indices[r]}): {options.RateColumn} = {v} is not finite and non-negative."), nameof(reader));
            }
        }

        if (options.Gaps == ScheduleGapFill.Reject)
        {
            for (var r = 0; r < n; r++)
            {
                if (indices[r] != r)
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"'{sourceName}', data row {r + 1}: expected step {r} but found {indices[r]}; the file must list every step from 0, or set ScheduleCsvOptions.Gaps to fill missing steps."),
                        nameof(reader));
                }
            }
        }

        if (indices[^1] >= MaxStepCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"'{sourceName}', data row {n}: step {indices[^1]} is beyond the largest supported schedule ({MaxStepCount:N0} steps)."), nameof(reader));
        }

        var rates = new double[indices[^1] + 1];
        rates.AsSpan(0, indices[0]).Fill(values[0]);
        for (var r = 0; r < n; r++)
        {
            rates[indices[r]] = values[r];
            if (r + 1 < n)
            {
                var from = indices[r];
                var to = indices[r + 1];
                for (var t = from + 1; t < to; t++)
                {
                    rates[t] = options.Gaps == ScheduleGapFill.Linear
                        ? values[r] + ((values[r + 1] - values[r]) * (t - from) / (to - from))
                        : values[r];
                }
            }
        }

        if (options.WarmupSteps > rates.Length)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"'{sourceName}' has {rates.Length} steps, fewer than the {options.WarmupSteps} warmup steps in the options."), nameof(options));
        }

        return new LearningRateSchedule(rates, options.WarmupSteps, sourceName);
    }

    /// <summary>Returns the name and step count.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} ({StepCount} steps)");

    private static LearningRateSchedule Create(double[] rates, Warmup warmup, FormattableString name)
        => new(rates, warmup.Steps, name.ToString(CultureInfo.InvariantCulture));

    private static void CheckStepCount(int stepCount, Warmup warmup)
    {
        ArgumentNullException.ThrowIfNull(warmup);
        if (stepCount < 1 || stepCount < warmup.Steps)
        {
            throw new ArgumentOutOfRangeException(nameof(stepCount), stepCount, string.Create(CultureInfo.InvariantCulture,
                $"A schedule needs at least one step and at least as many steps as its warmup ({warmup.Steps})."));
        }

        if (stepCount > MaxStepCount)
        {
            throw new ArgumentOutOfRangeException(nameof(stepCount), stepCount, string.Create(CultureInfo.InvariantCulture,
                $"A schedule holds at most {MaxStepCount:N0} steps (one double per step)."));
        }
    }

    private static void CheckRate(double rate, string paramName, int index = -1)
    {
        if (!(rate >= 0.0 && double.IsFinite(rate)))
        {
            var label = index < 0 ? paramName : string.Create(CultureInfo.InvariantCulture, $"{paramName}[{index}]");
            var message = string.Create(CultureInfo.InvariantCulture,
                $"{label} = {rate} is not finite and non-negative; learning rates must be finite and ≥ 0.");
            if (index < 0)
            {
                throw new ArgumentOutOfRangeException(paramName, rate, message);
            }

            throw new ArgumentException(message, paramName);
        }
    }
}
