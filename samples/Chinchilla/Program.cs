// Reproduces Epoch AI's replication of Hoffmann et al.'s Chinchilla Approach-3 fit (Besiroglu et al. 2024) from the
// digitised data, and prints our fit next to Epoch's and Hoffmann's published parameters.
// Usage: dotnet run --project samples/Chinchilla [path/to/svg_extracted_data.csv] [plot.png|plot.svg]
// Exit codes: 0 within the published tolerances, 1 outside them, 2 data missing.
using System.Diagnostics;
using System.Globalization;
using ScalingLaws;
using ScalingLaws.Plotting;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var path = args.Length > 0 ? args[0] : Path.Combine(FindRepoRoot(), "..", "shared", "data", "chinchilla-epoch", "svg_extracted_data.csv");
if (!File.Exists(path))
{
    Console.Error.WriteLine($"Data file not found: {Path.GetFullPath(path)}");
    Console.Error.WriteLine("Get svg_extracted_data.csv from https://github.com/epoch-research/analyzing-chinchilla (data/) and pass its path as the first argument.");
    return 2;
}

// Epoch's method: drop the 5 highest losses (240 points remain), D = C/(6N), Huber(δ = 1e-3) summed on log residuals.
var data = ObservationsCsv.Read(path, new CsvReadOptions
    {
        TargetColumn = "loss",
        InputColumns = new Dictionary<string, string> { ["N"] = "Model Size", ["C"] = "Training FLOP" },
    })
    .DropLargestTargets(5)
    .WithDerivedColumn("D", r => r["C"] / (6.0 * r["N"]), "C/(6*N)");
var law = new ChinchillaLaw();
var options = FitOptions.Default with { Loss = LossFunction.Huber(1e-3), ResidualSpace = ResidualSpace.Log };

var stopwatch = Stopwatch.StartNew();
var fit = ScalingLawFitter.Fit(law, data, options);
var defaultMs = stopwatch.Elapsed.TotalMilliseconds;

// Epoch's 4500-start grid (init vector [a, b, e, alpha, beta] with A = e^a, B = e^b, E = e^e).
stopwatch.Restart();
double[] Exp(params double[] v) => v.Select(Math.Exp).ToArray();
var epochGrid = StartStrategy.Grid(new Dictionary<string, double[]>
{
    ["E"] = Exp(-1.0, -0.5, 0.0, 0.5, 1.0),
    ["A"] = Exp(0.0, 5.0, 10.0, 15.0, 20.0, 25.0),
    ["alpha"] = [0.0, 0.5, 1.0, 1.5, 2.0],
    ["B"] = Exp(0.0, 5.0, 10.0, 15.0, 20.0, 25.0),
    ["beta"] = [0.0, 0.5, 1.0, 1.5, 2.0],
});
var gridFit = ScalingLawFitter.Fit(law, data, options with { Starts = epochGrid });
var gridMs = stopwatch.Elapsed.TotalMilliseconds;

// The picture: loss against N for each compute budget, the fitted law, and the extrapolation to Chinchilla's budget.
var plotPath = Path.GetFullPath(args.Length > 1 ? args[1] : "chinchilla-fit.png");
FitPlots.SaveFit(fit, plotPath, FitPlotOptions.Default with { GroupBy = "C", ExtrapolatedGroups = [5.76e23] });

Console.WriteLine($"Data: {data}");
Console.WriteLine();
Console.WriteLine(fit);
Console.WriteLine();

// Published values (Epoch AI notebook, "replicate exactly" fit; Hoffmann et al. 2022 Approach 3, rounded).
string[] names = ["E", "A", "alpha", "B", "beta"];
double[] epoch = [1.817236, 477.8417, 0.347313, 2143.8638, 0.367183];
double[] hoffmann = [.. ChinchillaLaw.HoffmannParameters];
double[] tolerance = [1e-3, 1e-2, 1e-3, 1e-2, 1e-3]; // relative: exponents and E 1e-3; A, B 1% (flat directions)
const double EpochObjective = 0.001018274034615;
const double ObjectiveTarget = 0.0010183;

Console.WriteLine($"{"parameter",-10}{"default starts",16}{"Epoch grid",16}{"Epoch (pub.)",16}{"Hoffmann",12}{"rel. error",12}{"tolerance",11}");
var ok = true;
for (var k = 0; k < names.Length; k++)
{
    var ours = fit[names[k]];
    var relative = Math.Abs(ours - epoch[k]) / Math.Abs(epoch[k]);
    var gridRelative = Math.Abs(gridFit[names[k]] - epoch[k]) / Math.Abs(epoch[k]);
    var pass = relative <= tolerance[k] && gridRelative <= tolerance[k];
    ok &= pass;
    Console.WriteLine($"{names[k],-10}{ours,16:G7}{gridFit[names[k]],16:G7}{epoch[k],16:G7}{hoffmann[k],12:G4}{relative,12:E2}{tolerance[k],11:G2}{(pass ? string.Empty : "  FAIL")}");
}

var objectivesOk = fit.Objective <= ObjectiveTarget && gridFit.Objective <= ObjectiveTarget;
ok &= objectivesOk && fit.Converged && gridFit.Converged;
Console.WriteLine($"{"objective",-10}{fit.Objective,16:G10}{gridFit.Objective,16:G10}{EpochObjective,16:G10}{string.Empty,12}  target <= {ObjectiveTarget}{(objectivesOk ? string.Empty : "  FAIL")}");
Console.WriteLine();
Console.WriteLine($"Default starts: {fit.MultiStart} in {defaultMs:F1} ms.");
Console.WriteLine($"Epoch grid:     {gridFit.MultiStart} in {gridMs:F0} ms.");
// Epoch's bootstrap (SOURCE.md, "Bootstrap"): 4000 case resamples of the 240 points, each refitted with the same
// Huber objective, warm-started at the fit. The resamples are Epoch's own: NumPyCompatibleDraws replays numpy's
// np.random.seed(42) + np.random.choice draws, so only the refits differ (Bootstrap.Run with a Seed instead draws its own).
stopwatch.Restart();
var epochDraws = NumPyCompatibleDraws.CaseResamples(42, fit.Data.Count, 4000);
var boot = Bootstrap.Run(fit, new BootstrapOptions { ExplicitRows = epochDraws });
var bootMs = stopwatch.Elapsed.TotalMilliseconds;
Console.WriteLine();
Console.WriteLine(boot);
Console.WriteLine();
double[] publishedSe = [0.02566, 124.52232, 0.01540, 1293.28410, 0.02060];
(double Lower, double Upper)[] publishedPercentile = [(1.769, 1.871), (285.214, 743.626), (0.317, 0.373), (1042.357, 5810.344), (0.331, 0.415)];
// Issue tolerances: SEs within 10%, 95% percentile ends within 5%.
double[] seTolerance = [0.10, 0.10, 0.10, 0.10, 0.10];
Console.WriteLine($"{"parameter",-10}{"boot SE",12}{"Epoch SE",12}{"95% percentile (ours)",28}{"95% percentile (Epoch)",28}");
for (var k = 0; k < names.Length; k++)
{
    var se = boot.StandardError(names[k]);
    var ci = boot.Interval(names[k], 0.95, BootstrapIntervalMethod.Percentile);
    var (lower, upper) = publishedPercentile[k];
    var pass = Math.Abs((se / publishedSe[k]) - 1.0) <= seTolerance[k]
        && Math.Abs((ci.Lower / lower) - 1.0) <= 0.05 && Math.Abs((ci.Upper / upper) - 1.0) <= 0.05;
    ok &= pass;
    Console.WriteLine($"{names[k],-10}{se,12:G4}{publishedSe[k],12:G4}{$"[{ci.Lower:G5}, {ci.Upper:G5}]",28}{$"[{lower}, {upper}]",28}{(pass ? string.Empty : "  FAIL")}");
}

// Compute-optimal exponent a = beta/(alpha + beta) (parameter order E, A, alpha, B, beta): Epoch 0.513, SD 0.020.
static double ExponentA(IReadOnlyList<double> p) => p[4] / (p[2] + p[4]);
var a = ExponentA(fit.Parameters);
var aSd = boot.DerivedStandardError(ExponentA);
var a80 = boot.DerivedInterval(ExponentA, 0.80, BootstrapIntervalMethod.Percentile);
var aDelta = DeltaMethod.Estimate(fit, ExponentA);
var aOk = Math.Abs(a - 0.513) <= 0.0015 && Math.Abs(aSd - 0.020) <= 0.003;
ok &= aOk && boot.FailedResamples == 0;
Console.WriteLine($"a = beta/(alpha+beta) = {a:F4} (Epoch 0.513), bootstrap SD {aSd:F4} (Epoch 0.020), 80% {a80}, width {a80.Upper - a80.Lower:F3} (Epoch 0.051){(aOk ? string.Empty : "  FAIL")}");
Console.WriteLine($"delta method (sandwich covariance): {aDelta}");
Console.WriteLine($"Bootstrap: {boot.TotalResamples} resamples, {boot.FailedResamples} failed, in {bootMs:F0} ms.");
// Compute-optimal allocation at Chinchilla's budget, C = 5.76e23 FLOPs (Hoffmann et al. 2022 trained Chinchilla, 70B
// parameters on 1.4T tokens, with it): from our fit with 95% delta-method and bootstrap (the 4000 resamples above)
// intervals, and from Hoffmann's published parameters (no covariance was published, so no interval).
const double ChinchillaBudget = 5.76e23;
var allocation = ComputeOptimalAllocation.FromFit(fit);
var allocationDelta = allocation.Estimate(ChinchillaBudget, 0.95);
var allocationBoot = allocation.Estimate(ChinchillaBudget, boot, 0.95);
var hoffmannAllocation = ComputeOptimalAllocation.FromParameters(ChinchillaLaw.HoffmannParameters);
var hoffmannPoint = hoffmannAllocation.Allocate(ChinchillaBudget);
static string Range(ParameterInterval i) => $"[{i.Lower:G3}, {i.Upper:G3}]";
Console.WriteLine();
Console.WriteLine($"Compute-optimal allocation at C = {ChinchillaBudget:G3} FLOPs (C = 6·N·D)");
Console.WriteLine($"{"",-22}{"N_opt",10}{"95% delta",24}{"95% bootstrap",24}{"D_opt",10}{"95% delta",24}{"95% bootstrap",24}{"D/N",7}{"95% delta",16}{"95% bootstrap",16}");
Console.WriteLine($"{"our fit",-22}{allocationDelta.Point.ParameterCount,10:G3}{Range(allocationDelta.ParameterCountInterval),24}{Range(allocationBoot.ParameterCountInterval),24}"
    + $"{allocationDelta.Point.TokenCount,10:G3}{Range(allocationDelta.TokenCountInterval),24}{Range(allocationBoot.TokenCountInterval),24}"
    + $"{allocationDelta.Point.TokensPerParameter,7:F1}{Range(allocationDelta.TokensPerParameterInterval),16}{Range(allocationBoot.TokensPerParameterInterval),16}");
Console.WriteLine($"{"Hoffmann parameters",-22}{hoffmannPoint.ParameterCount,10:G3}{"(no published covariance)",48}{hoffmannPoint.TokenCount,10:G3}{"",48}{hoffmannPoint.TokensPerParameter,7:F1}");
Console.WriteLine($"{"Chinchilla (trained)",-22}{70e9,10:G3}{"",48}{1.4e12,10:G3}{"",48}{20.0,7:F1}");
Console.WriteLine($"N_opt ∝ C^a: ours a = {allocation.ParameterCountExponent:F4}, Hoffmann's parameters a = {hoffmannAllocation.ParameterCountExponent:F4}");

// Extrapolation check: fit on the models with N < 2e9 and predict the larger ones.
var holdout = ExtrapolationValidation.Holdout(law, data, "N", 2e9, options);
Console.WriteLine();
Console.WriteLine(holdout);
const double HoldoutLogErrorLimit = 0.05; // mean |log ŷ − log y| on the held-out models (5% in loss)
var holdoutOk = holdout.Summary.MeanAbsoluteLogError < HoldoutLogErrorLimit;
ok &= holdoutOk;
Console.WriteLine(holdoutOk ? $"holdout: mean |log error| below {HoldoutLogErrorLimit}" : $"FAIL: holdout mean |log error| is not below {HoldoutLogErrorLimit}");
Console.WriteLine();
Console.WriteLine($"Plot written to {plotPath}");
Console.WriteLine(ok ? "PASS: reproduces Epoch AI's published fit within tolerance." : "FAIL: outside the published tolerances.");
return ok ? 0 : 1;

static string FindRepoRoot()
{
    foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
    {
        var dir = new DirectoryInfo(start);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ScalingLaws.sln")))
        {
            dir = dir.Parent;
        }

        if (dir is not null)
        {
            return dir.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}
