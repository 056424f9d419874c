using BenchmarkDotNet.Attributes;

namespace ScalingLaws.Benchmarks;

/// <summary>Loss-curve laws on the Multi-Power Law paper's 100M-parameter runs (../shared/data/mpl-lr-schedules).</summary>
[MemoryDiagnoser]
public class LossCurveBenchmarks
{
    private static readonly Warmup DataWarmup = Warmup.Linear(2160);
    private static readonly double[] PublishedMpl100M = [2.6514477, 0.60115152, 0.45295811, 437.9464276, 2.13245612, 0.59785199, 0.65523644];

    private LossCurve[] _train = null!;
    private MultiPowerLaw _cosine72Law = null!;
    private LawInputs _cosine72Inputs = null!;
    private double[] _values = null!;

    /// <summary>Reads the three training curves and the 72k-step cosine run.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var folder = Path.Combine(EpochData.FindRepoRoot(), "..", "shared", "data", "mpl-lr-schedules", "csv_100");
        LossCurve Read(string name, LearningRateSchedule schedule) => LossCurve.ReadCsv(Path.Combine(folder, name + ".csv"), schedule.WithName(name));
        _train =
        [
            Read("cosine_24000", LearningRateSchedule.Cosine(24_000, 3e-4, 3e-5, DataWarmup)),
            Read("constant_24000", LearningRateSchedule.Constant(24_000, 3e-4, DataWarmup)),
            Read("wsdcon_9", LearningRateSchedule.MultiStep(16_000, [8000], [3e-4, 9e-5], DataWarmup)),
        ];
        var cosine72 = Read("cosine_72000", LearningRateSchedule.Cosine(72_000, 3e-4, 3e-5, DataWarmup));
        _cosine72Law = new MultiPowerLaw([cosine72.Schedule]);
        _cosine72Inputs = new LawInputs([new double[cosine72.Count], cosine72.Steps.Select(s => (double)s).ToArray()]);
        _values = new double[cosine72.Count];
    }

    /// <summary>The Tissue et al. annealing law fitted jointly on three curves (Huber 1e-3 on log residuals, default starts).</summary>
    [Benchmark]
    public double AnnealingLawFitThreeCurves() => LossCurveFitter.FitAnnealingLaw(_train).Result.Objective;

    /// <summary>Multi-Power Law values at the 546 logged steps of a 72,000-step cosine run.</summary>
    [Benchmark]
    public double MultiPowerLawEvaluateCosine72k()
    {
        _cosine72Law.Evaluate(PublishedMpl100M, _cosine72Inputs, _values, []);
        return _values[^1];
    }
}
