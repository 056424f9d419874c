using System.Diagnostics;
using System.Globalization;

namespace ScalingLaws.Benchmarks;

/// <summary>
/// The .NET side of benchmarks/compare: times the same jobs as scipy_jobs.py on the same data and starts and prints one
/// JSON line per job ({"job", "seconds", "objective"}) so the two sides can be checked for equal objectives and compared.
/// </summary>
internal static class CompareJobs
{
    private static readonly double[] HoffmannStart = [Math.Exp(0.5267228), Math.Exp(6.0073404), 0.33917084, Math.Exp(6.0179186), 0.2849083];

    public static void Run(bool full)
    {
        var data = EpochData.Load();
        var law = new ChinchillaLaw();
        var huber = FitOptions.Default with
        {
            Loss = LossFunction.Huber(1e-3),
            ResidualSpace = ResidualSpace.Log,
            Starts = StartStrategy.FromPoint(HoffmannStart),
            MaxDegreeOfParallelism = 1,
        };
        var lsq = FitOptions.Default with { Starts = StartStrategy.FromPoint(HoffmannStart), MaxDegreeOfParallelism = 1 };
        var global = FitOptions.Default with { Loss = LossFunction.Huber(1e-3), ResidualSpace = ResidualSpace.Log };

        Report("huber_log_fit", 500, () => ScalingLawFitter.Fit(law, data, huber).Objective);
        Report("lsq_fit", 500, () => ScalingLawFitter.Fit(law, data, lsq).Objective);
        Report("default_global_fit", 20, () => ScalingLawFitter.Fit(law, data, global).Objective);
        if (full)
        {
            double[] Exp(params double[] v) => v.Select(Math.Exp).ToArray();
            var grid = huber with
            {
                MaxDegreeOfParallelism = -1,
                Starts = StartStrategy.Grid(new Dictionary<string, double[]>
                {
                    ["E"] = Exp(-1.0, -0.5, 0.0, 0.5, 1.0),
                    ["A"] = Exp(0.0, 5.0, 10.0, 15.0, 20.0, 25.0),
                    ["alpha"] = [0.0, 0.5, 1.0, 1.5, 2.0],
                    ["B"] = Exp(0.0, 5.0, 10.0, 15.0, 20.0, 25.0),
                    ["beta"] = [0.0, 0.5, 1.0, 1.5, 2.0],
                }),
            };
            Report("epoch_grid", 1, () => ScalingLawFitter.Fit(law, data, grid).Objective);

            // 4000 case resamples warm-started at the fit, on every core; the scipy side reports the SD of alpha.
            var fit = ScalingLawFitter.Fit(law, data, global);
            Report("bootstrap", 3, () => Bootstrap.Run(fit, new BootstrapOptions { Resamples = 4000, Seed = 42 }).StandardError("alpha"));
        }
    }

    private static void Report(string job, int repeats, Func<double> run)
    {
        // Warm-up: at least one run and at least a second of runs, so that tiered compilation has promoted the hot methods to
        // optimised code (a few hundred sub-millisecond fits finish before that happens and time unoptimised code).
        var objective = run();
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed.TotalSeconds < 1.0)
        {
            objective = run();
        }

        var best = double.PositiveInfinity;
        for (var i = 0; i < repeats; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            objective = run();
            best = Math.Min(best, stopwatch.Elapsed.TotalSeconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"job\": \"{job}\", \"seconds\": {best:R}, \"objective\": {objective:R}}}"));
    }
}
