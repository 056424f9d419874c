using System.Globalization;

namespace ScalingLaws.Tests.Schedules;

/// <summary>
/// The Multi-Power Law curves in ../shared/data/mpl-lr-schedules (SOURCE.md): schedules rebuilt from the file names with the
/// formulas in SOURCE.md, the published MPL parameters and test metrics, and the reference Tissue-law fits.
/// </summary>
internal static class MplTestData
{
    public const double PeakRate = 3e-4;
    public const double FloorRate = 3e-5;

    public static readonly int[] Sizes = [25, 100, 400];

    public static readonly string[] TrainNames = ["cosine_24000", "constant_24000", "wsdcon_9"];

    public static readonly string[] TestNames = ["constant_72000", "cosine_72000", "wsd_20000_24000", "wsdld_20000_24000", "wsdcon_3", "wsdcon_18"];

    /// <summary>Published MPL parameters (SOURCE.md, from the repository's src/config.py and README).</summary>
    public static readonly Dictionary<int, double[]> PublishedParameters = new()
    {
        [25] = [3.04045406, 0.52468604, 0.50786857, 363.78751622, 2.06560812, 0.58279013, 0.64142257],
        [100] = [2.6514477, 0.60115152, 0.45295811, 437.9464276, 2.13245612, 0.59785199, 0.65523644],
        [400] = [2.37474466, 0.65421216, 0.42878731, 523.42464371, 2.02462735, 0.59350493, 0.63472457],
    };

    /// <summary>Published test metrics (SOURCE.md, README): R², MAE, RMSE, PredE, WorstE averaged over the six test curves.</summary>
    public static readonly Dictionary<int, double[]> PublishedTestMetrics = new()
    {
        [25] = [0.9988, 0.00376, 0.00465, 0.00110, 0.00409],
        [100] = [0.9983, 0.00435, 0.00592, 0.00142, 0.00583],
        [400] = [0.9978, 0.00484, 0.00730, 0.00168, 0.00995],
    };

    public static Warmup DataWarmup { get; } = Warmup.Linear(2160);

    /// <summary>The schedule of a data file, built from its name with the formulas of SOURCE.md.</summary>
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

    public static string FilePath(int size, string name) => TestData.SharedFile($"mpl-lr-schedules/csv_{size}/{name}.csv");

    public static LossCurve Curve(int size, string name) => LossCurve.ReadCsv(FilePath(size, name), Schedule(name));

    public static LossCurve[] Train(int size) => TrainNames.Select(n => Curve(size, n)).ToArray();

    public static LossCurve[] Test(int size) => TestNames.Select(n => Curve(size, n)).ToArray();

    /// <summary>Formats a value to a number of decimals in the invariant culture, for comparisons to printed digits.</summary>
    public static string Fixed(double value, int decimals)
        => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
