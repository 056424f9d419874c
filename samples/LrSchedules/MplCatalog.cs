using System.Globalization;
using ScalingLaws;

/// <summary>The schedules and curves of the Multi-Power Law data (../shared/data/mpl-lr-schedules, SOURCE.md).</summary>
internal static class MplCatalog
{
    /// <summary>Peak learning rate of every run.</summary>
    public const double PeakRate = 3e-4;

    /// <summary>Floor of the cosine and WSD decays.</summary>
    public const double FloorRate = 3e-5;

    /// <summary>Warmup: linspace(0, 3e-4, 2160).</summary>
    public static readonly Warmup DataWarmup = Warmup.Linear(2160);

    public static readonly string[] TrainNames = ["cosine_24000", "constant_24000", "wsdcon_9"];

    public static readonly string[] TestNames = ["constant_72000", "cosine_72000", "wsd_20000_24000", "wsdld_20000_24000", "wsdcon_3", "wsdcon_18"];

    /// <summary>Builds the schedule a data file was trained with, from its name (formulas in SOURCE.md).</summary>
    public static LearningRateSchedule Schedule(string name)
    {
        var parts = name.Split('_');
        int Int(int i) => int.Parse(parts[i], CultureInfo.InvariantCulture);
        var schedule = parts[0] switch
        {
            "constant" => LearningRateSchedule.Constant(Int(1), PeakRate, DataWarmup),
            "cosine" => LearningRateSchedule.Cosine(Int(1), PeakRate, FloorRate, DataWarmup),
            "wsdcon" => LearningRateSchedule.MultiStep(16_000, [8000], [PeakRate, Int(1) * 1e-5], DataWarmup),
            "wsd" => LearningRateSchedule.WarmupStableDecay(Int(2), PeakRate, Int(1), FloorRate, DecayShape.Exponential, DataWarmup),
            "wsdld" => LearningRateSchedule.WarmupStableDecay(Int(2), PeakRate, Int(1), FloorRate, DecayShape.Linear, DataWarmup),
            _ => throw new ArgumentException($"Unknown schedule name '{name}'.", nameof(name)),
        };
        return schedule.WithName(name);
    }

    /// <summary>Reads one curve; the lr column is checked against the schedule.</summary>
    public static LossCurve Curve(string dataDirectory, int size, string name)
        => LossCurve.ReadCsv(Path.Combine(dataDirectory, $"csv_{size}", name + ".csv"), Schedule(name));

    /// <summary>Largest relative difference between the library's schedule and a file's lr column.</summary>
    public static double MaxRelativeRateError(string dataDirectory, int size, string name)
    {
        var path = Path.Combine(dataDirectory, $"csv_{size}", name + ".csv");
        var table = ObservationsCsv.Read(path, new CsvReadOptions { TargetColumn = "lr", InputColumns = new Dictionary<string, string> { ["step"] = "step" } });
        var schedule = Schedule(name);
        var worst = 0.0;
        for (var i = 0; i < table.Count; i++)
        {
            var expected = table.Target[i];
            var actual = schedule[(int)table.Column("step")[i]];
            worst = Math.Max(worst, Math.Abs(actual - expected) / expected);
        }

        return worst;
    }

    /// <summary>Candidate 24,000-step schedules: the logged ones and variants built by the library.</summary>
    public static IReadOnlyList<LearningRateSchedule> Candidates24k()
    {
        const int steps = 24_000;
        var list = new List<LearningRateSchedule>
        {
            Schedule("cosine_24000"),
            Schedule("constant_24000"),
            Schedule("wsd_20000_24000"),
            Schedule("wsdld_20000_24000"),
            LearningRateSchedule.Cosine(steps, PeakRate, 0.0, DataWarmup).WithName("cosine to 0"),
            LearningRateSchedule.LinearDecay(steps, PeakRate, FloorRate, DataWarmup).WithName("linear to 3e-5"),
            LearningRateSchedule.InverseSquareRoot(steps, PeakRate, 2160, DataWarmup).WithName("inverse sqrt"),
            LearningRateSchedule.MultiStep(steps, [16_000, 20_000], [PeakRate, 1e-4, 3e-5], DataWarmup).WithName("multi-step 16k/20k"),
        };
        foreach (var start in new[] { 14_000, 16_000, 18_000, 20_000, 22_000 })
        {
            foreach (var shape in new[] { DecayShape.Exponential, DecayShape.Linear, DecayShape.Cosine })
            {
                list.Add(LearningRateSchedule.WarmupStableDecay(steps, PeakRate, start, FloorRate, shape, DataWarmup)
                    .WithName(string.Create(CultureInfo.InvariantCulture, $"wsd {shape.ToString().ToLowerInvariant()} from {start}")));
            }
        }

        return list;
    }
}
