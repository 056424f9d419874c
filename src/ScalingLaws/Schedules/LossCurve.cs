using System.Globalization;

namespace ScalingLaws;

/// <summary>
/// One training run: its learning-rate schedule and the losses logged at some of its steps. The unit of data for the
/// loss-curve laws (<see cref="AnnealingLaw"/>, <see cref="MultiPowerLaw"/>) and for <see cref="LossCurveFitter"/>.
/// </summary>
/// <example><code>
/// var schedule = LearningRateSchedule.Cosine(24_000, 3e-4, 3e-5, Warmup.Linear(2160));
/// var curve = LossCurve.ReadCsv("csv_100/cosine_24000.csv", schedule);   // checks the lr column against the schedule
/// Observations data = curve.ToObservations();                            // columns step, S1, S2; target loss
/// </code></example>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class LossCurve
{
    private readonly int[] _steps;
    private readonly double[] _losses;

    /// <summary>Creates a loss curve. The lists are copied.</summary>
    /// <param name="name">The run's name (for example <c>cosine_24000</c>); it becomes the group label in observations.</param>
    /// <param name="schedule">The learning-rate schedule of the run.</param>
    /// <param name="steps">The logged steps; strictly increasing, each in 0 … <c>schedule.StepCount − 1</c>.</param>
    /// <param name="losses">The loss at each logged step; positive and finite.</param>
    /// <exception cref="ArgumentException">The name is empty, the lists are empty or differ in length, a step is out of
    /// order or outside the schedule, or a loss is not positive and finite (the message names the index and value).</exception>
    public LossCurve(string name, LearningRateSchedule schedule, IReadOnlyList<int> steps, IReadOnlyList<double> losses)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(losses);
        if (steps.Count == 0)
        {
            throw new ArgumentException($"Loss curve '{name}' has no logged steps.", nameof(steps));
        }

        if (steps.Count != losses.Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Loss curve '{name}' has {steps.Count} steps but {losses.Count} losses."), nameof(losses));
        }

        _steps = [.. steps];
        _losses = [.. losses];
        for (var i = 0; i < _steps.Length; i++)
        {
            var s = _steps[i];
            if (s < 0 || s >= schedule.StepCount)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"steps[{i}] = {s} of loss curve '{name}' is outside its schedule's steps 0 … {schedule.StepCount - 1}."), nameof(steps));
            }

            if (i > 0 && s <= _steps[i - 1])
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"steps[{i}] = {s} of loss curve '{name}' does not exceed steps[{i - 1}] = {_steps[i - 1]}; steps must increase."), nameof(steps));
            }

            var loss = _losses[i];
            if (!(loss > 0.0 && double.IsFinite(loss)))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"losses[{i}] = {loss} of loss curve '{name}' is not positive and finite."), nameof(losses));
            }
        }

        Name = name;
        Schedule = schedule;
    }

    /// <summary>Gets the run's name.</summary>
    public string Name { get; }

    /// <summary>Gets the run's learning-rate schedule.</summary>
    public LearningRateSchedule Schedule { get; }

    /// <summary>Gets the logged steps, increasing.</summary>
    public IReadOnlyList<int> Steps => Array.AsReadOnly(_steps);

    /// <summary>Gets the loss at each logged step.</summary>
    public IReadOnlyList<double> Losses => Array.AsReadOnly(_losses);

    /// <summary>Gets the number of logged steps.</summary>
    public int Count => _steps.Length;

    internal int[] StepArray => _steps;

    internal double[] LossArray => _losses;

    /// <summary>Reads the logged losses of a run from a CSV file; the curve is named after the file.</summary>
    /// <param name="path">Path of the file.</param>
    /// <param name="schedule">The run's learning-rate schedule.</param>
    /// <param name="options">Column names and the learning-rate check; <see langword="null"/> for <see cref="LossCurveCsvOptions.Default"/>.</param>
    /// <returns>The curve.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ArgumentException">A column is missing, a cell is not a number, a step is not an integer inside the
    /// schedule, a loss is not positive, or a logged learning rate differs from the schedule (the message names the row).</exception>
    public static LossCurve ReadCsv(string path, LearningRateSchedule schedule, LossCurveCsvOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The CSV file '{path}' does not exist.", path);
        }

        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return ReadCsv(reader, schedule, Path.GetFileNameWithoutExtension(path), options, path);
    }

    /// <summary>Reads the logged losses of a run from CSV text.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="schedule">The run's learning-rate schedule.</param>
    /// <param name="name">The curve's name.</param>
    /// <param name="options">Column names and the learning-rate check; <see langword="null"/> for <see cref="LossCurveCsvOptions.Default"/>.</param>
    /// <param name="sourceName">Name of the text in error messages; <see langword="null"/> for <paramref name="name"/>.</param>
    /// <returns>The curve.</returns>
    /// <exception cref="ArgumentException">A column is missing, a cell is not a number, a step is not an integer inside the
    /// schedule, a loss is not positive, or a logged learning rate differs from the schedule (the message names the row).</exception>
    public static LossCurve ReadCsv(TextReader reader, LearningRateSchedule schedule, string name, LossCurveCsvOptions? options = null,
        string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        options ??= LossCurveCsvOptions.Default;
        options.Validate();
        sourceName ??= name;
        var text = reader.ReadToEnd();
        var header = text.AsSpan();
        var newline = header.IndexOfAny('\r', '\n');
        var headers = (newline >= 0 ? header[..newline] : header).ToString().Split(options.Delimiter).Select(h => h.Trim()).ToArray();
        var checkRates = options.RateColumn is not null && headers.Contains(options.RateColumn, StringComparer.Ordinal);
        var columns = new Dictionary<string, string> { ["step"] = options.StepColumn };
        if (checkRates)
        {
            columns["lr"] = options.RateColumn!;
        }

        var table = ObservationsCsv.Read(new StringReader(text), new CsvReadOptions
        {
            TargetColumn = options.LossColumn,
            InputColumns = columns,
            Delimiter = options.Delimiter,
        }, sourceName);
        var stepValues = table.Column("step");
        var steps = new int[table.Count];
        for (var r = 0; r < steps.Length; r++)
        {
            var s = stepValues[r];
            if (!(s >= 0.0 && s < schedule.StepCount && Math.Floor(s) == s))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"'{sourceName}', data row {r + 1}: step {s} is not an integer in 0 … {schedule.StepCount - 1}, the steps of schedule '{schedule.Name}'."),
                    nameof(reader));
            }

            steps[r] = (int)s;
            if (checkRates)
            {
                var logged = table.Column("lr")[r];
                var expected = schedule.RateArray[steps[r]];
                if (!(Math.Abs(logged - expected) <= options.RateTolerance * Math.Abs(expected)))
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"'{sourceName}', data row {r + 1} (step {steps[r]}): the logged learning rate {logged:R} differs from schedule '{schedule.Name}' ({expected:R}) by more than the relative tolerance {options.RateTolerance}; is it the right schedule?"),
                        nameof(schedule));
                }
            }
        }

        return new LossCurve(name, schedule, steps, [.. table.Target]);
    }

    /// <summary>
    /// Creates the observations for fitting <see cref="AnnealingLaw"/>: columns <c>step</c>, <c>S1</c> and <c>S2</c> at the
    /// logged steps, target <c>loss</c>, group label = <see cref="Name"/>.
    /// </summary>
    /// <param name="options">How the areas are computed; <see langword="null"/> for <see cref="AnnealingAreaOptions.Default"/>.</param>
    /// <returns>The observations.</returns>
    public Observations ToObservations(AnnealingAreaOptions? options = null) => ToObservations([this], options);

    /// <summary>
    /// Creates the observations for fitting <see cref="AnnealingLaw"/> jointly on several curves: columns <c>step</c>,
    /// <c>S1</c> and <c>S2</c>, target <c>loss</c>, group label = curve name, curves in the given order.
    /// </summary>
    /// <param name="curves">The curves; at least one, with distinct names.</param>
    /// <param name="options">How the areas are computed; <see langword="null"/> for <see cref="AnnealingAreaOptions.Default"/>.</param>
    /// <returns>The observations.</returns>
    /// <exception cref="ArgumentException">The list is empty, holds null, or two curves share a name.</exception>
    public static Observations ToObservations(IReadOnlyList<LossCurve> curves, AnnealingAreaOptions? options = null)
    {
        CheckCurves(curves);
        options ??= AnnealingAreaOptions.Default;
        options.Validate();
        var total = curves.Sum(c => c.Count);
        var step = new double[total];
        var s1 = new double[total];
        var s2 = new double[total];
        var loss = new double[total];
        var groups = new string[total];
        var row = 0;
        foreach (var curve in curves)
        {
            var areas = ScheduleAreas.Compute(curve.Schedule, options);
            for (var i = 0; i < curve.Count; i++, row++)
            {
                var s = curve._steps[i];
                step[row] = s;
                s1[row] = areas.ForwardArray[s];
                s2[row] = areas.AnnealingArray[s];
                loss[row] = curve._losses[i];
                groups[row] = curve.Name;
            }
        }

        var names = string.Join(", ", curves.Select(c => c.Name));
        return new Observations(["step", "S1", "S2"], [step, s1, s2], loss, groups: groups, targetName: "loss")
            .WithProvenance(string.Create(CultureInfo.InvariantCulture,
                $"loss curves {names} ({total} rows; S1, S2 with momentum {options.Momentum}, warmup {options.WarmupAccounting})"));
    }

    /// <summary>Returns the name, schedule and number of logged steps.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name}: {Count} logged steps of {Schedule}");

    /// <summary>Checks a list of curves for joint fitting: not empty, no nulls, distinct names.</summary>
    internal static void CheckCurves(IReadOnlyList<LossCurve> curves, string paramName = "curves")
    {
        ArgumentNullException.ThrowIfNull(curves, paramName);
        if (curves.Count == 0)
        {
            throw new ArgumentException("At least one loss curve is required.", paramName);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < curves.Count; c++)
        {
            if (curves[c] is null)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{paramName}[{c}] is null."), paramName);
            }

            if (!seen.Add(curves[c].Name))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"{paramName}[{c}] is named '{curves[c].Name}' like an earlier curve; curve names label groups and must be distinct."), paramName);
            }
        }
    }
}
