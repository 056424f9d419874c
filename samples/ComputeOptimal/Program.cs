// Reproduces Porian et al. (2024), "Resolving Discrepancies in Compute-Optimal Scaling of Language Models": the exponent a
// of N*(C) = k·C^a for all 15 configurations (unweighted and weighted log-log regressions), the sequence of Figure 1 from
// Kaplan et al.'s setting (a ≈ 0.83) to the corrected one (a ≈ 0.50), and the loss frontier L*(C) = E + A·C^(−alpha) fitted
// with the published objective. Prints our values next to the published ones (fit_results.json).
// Usage: dotnet run --project samples/ComputeOptimal [path/to/porian-compute-optimal]
// Exit codes: 0 within tolerance, 1 outside, 2 data missing.
using System.Globalization;
using System.Text.Json;
using ScalingLaws;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var folder = args.Length > 0 ? args[0] : Path.Combine(FindRepoRoot(), "..", "shared", "data", "porian-compute-optimal");
var pairsPath = Path.Combine(folder, "optimal_pairs.csv");
var resultsPath = Path.Combine(folder, "fit_results.json");
if (!File.Exists(pairsPath) || !File.Exists(resultsPath))
{
    Console.Error.WriteLine($"Data not found in {Path.GetFullPath(folder)} (need optimal_pairs.csv and fit_results.json).");
    Console.Error.WriteLine("Convert them from data/summary_df*.pickle.xz of https://github.com/formll/resolving-scaling-law-discrepancies");
    Console.Error.WriteLine("(see SOURCE.md of the porian-compute-optimal data folder) and pass the folder as the first argument.");
    return 2;
}

const double ExponentTolerance = 1e-4;      // absolute, on a (issue #4); the published values are exact OLS slopes
const double LossParameterTolerance = 0.01; // relative, on E, A, alpha of the loss frontier (issue #4)
const double HuberDelta = 1e-3;             // Porian et al.'s loss-frontier objective: sum of Huber(1e-3) of log residuals
const double FrontierMinFlops = 1e16;       // exclusive range of budgets used for the loss frontier (analysis.py)
const double FrontierMaxFlops = 5e17;

var rows = ReadPairs(pairsPath);
var published = ReadPublished(resultsPath);
string[] figure1 =
[
    "rw|base|long|kaplan|kaplan|train", "rw|base|long|kaplan|standard|val", "rw|base|short|kaplan|standard|val",
    "rw|base|short|chinchilla|standard|val", "rw|tuned|short|const|standard|val",
];
string[] figure1Labels =
[
    "Reproducing Kaplan et al.", "Counting last layer FLOPs", "Correcting warmup", "Cosine decay", "Optimizer tuning (no decay)",
];
var ok = true;

// 1. Figure 1: the sequence of exponents from Kaplan's setting to the corrected one.
Console.WriteLine("Porian et al. 2024, Figure 1: exponent a of N*(C) = k·C^a, RefinedWeb");
Console.WriteLine($"{"step",-30}{"ours",10}{"published",11}{"weighted",10}{"published",11}{"95% CI (ours, unweighted)",30}");
for (var i = 0; i < figure1.Length; i++)
{
    var (basic, weighted) = Exponents(rows, figure1[i]);
    var pub = published[figure1[i]];
    var pass = Math.Abs(basic.Exponent - pub.BasicExponent) <= ExponentTolerance && Math.Abs(weighted.Exponent - pub.WeightedExponent) <= ExponentTolerance;
    ok &= pass;
    Console.WriteLine($"{i + 1}. {figure1Labels[i],-27}{basic.Exponent,10:F6}{pub.BasicExponent,11:F6}{weighted.Exponent,10:F6}{pub.WeightedExponent,11:F6}{basic.ExponentInterval,30}{(pass ? string.Empty : "  FAIL")}");
}

// 2. All 15 configurations.
Console.WriteLine();
Console.WriteLine($"All configurations (tolerance {ExponentTolerance:G2} absolute on a)");
Console.WriteLine($"{"config",-42}{"points",7}{"a",10}{"|Δ|",10}{"a weighted",12}{"|Δ|",10}");
var worst = 0.0;
foreach (var (config, pub) in published)
{
    var (basic, weighted) = Exponents(rows, config);
    var d1 = Math.Abs(basic.Exponent - pub.BasicExponent);
    var d2 = Math.Abs(weighted.Exponent - pub.WeightedExponent);
    worst = Math.Max(worst, Math.Max(d1, d2));
    var pass = d1 <= ExponentTolerance && d2 <= ExponentTolerance;
    ok &= pass;
    Console.WriteLine($"{config,-42}{basic.Count,7}{basic.Exponent,10:F6}{d1,10:E1}{weighted.Exponent,12:F6}{d2,10:E1}{(pass ? string.Empty : "  FAIL")}");
}

Console.WriteLine($"largest |Δa| over 30 regressions: {worst:E2}");

// 3. Loss frontier with the published objective and start grid.
Console.WriteLine();
Console.WriteLine($"Loss frontier L*(C) = E + A·C^(-alpha), Huber({HuberDelta:G1}) on log residuals, {FrontierMinFlops:G2} < C < {FrontierMaxFlops:G2}, Porian start grid");
Console.WriteLine($"{"config",-42}{"pts",4}{"E",9}{"pub.",9}{"A",12}{"pub.",12}{"alpha",9}{"pub.",9}{"objective",12}{"pub. obj.",12}  verdict");
double[] Exp(params double[] v) => v.Select(Math.Exp).ToArray();
var porianGrid = StartStrategy.Grid(new Dictionary<string, double[]>
{
    ["E"] = Exp(-1.0, -0.5, 0.0, 0.5, 1.0),
    ["A"] = Exp(0.0, 5.0, 10.0, 15.0, 20.0, 25.0),
    ["alpha"] = [0.0, 0.1, 0.2, 0.3],
});
var frontierOptions = IsoFlopAnalysis.DefaultLossFrontierOptions with { Starts = porianGrid };
var better = new List<string>();
foreach (var (config, pub) in published)
{
    var frontierRows = rows.Where(r => r.Config == config && r.Flops > FrontierMinFlops && r.Flops < FrontierMaxFlops && double.IsFinite(r.Loss)).ToArray();
    var c = frontierRows.Select(r => r.Flops).ToArray();
    var l = frontierRows.Select(r => r.Loss).ToArray();
    var fit = IsoFlopAnalysis.FitLossFrontier(c, l, frontierOptions);
    var publishedObjective = HuberObjective(c, l, pub.E, pub.A, pub.Alpha);
    var close = RelativeDifference(fit["E"], pub.E) <= LossParameterTolerance && RelativeDifference(fit["A"], pub.A) <= LossParameterTolerance
        && RelativeDifference(fit["alpha"], pub.Alpha) <= LossParameterTolerance;
    var lower = fit.Objective <= publishedObjective;
    var verdict = close ? "within 1%" : lower ? "lower objective" : "FAIL";
    if (!close && lower)
    {
        better.Add(config);
    }

    ok &= close || lower;
    Console.WriteLine($"{config,-42}{c.Length,4}{fit["E"],9:G5}{pub.E,9:G5}{fit["A"],12:G5}{pub.A,12:G5}{fit["alpha"],9:G4}{pub.Alpha,9:G4}{fit.Objective,12:G5}{publishedObjective,12:G5}  {verdict}");
}

if (better.Count > 0)
{
    Console.WriteLine($"For {better.Count} configuration(s) our parameters differ by more than 1% but reach a lower Huber objective than the");
    Console.WriteLine("published ones: Porian et al. ran curve_fit (least squares, max_nfev = 100) from each start and only ranked the");
    Console.WriteLine("results by the Huber objective, so their optimum of that objective is not reached; ours minimises it directly.");
}

// 4. Porian's bootstrap: refit the exponent on each of their 1000 noise draws of N*(C) (Figure-1 configs).
Console.WriteLine();
Console.WriteLine("Bootstrap of the unweighted exponent from the authors' draws (bootstrap_samples/), 95% percentile interval");
Console.WriteLine($"{"config",-42}{"draws",7}{"ours",22}{"published",22}");
foreach (var config in figure1)
{
    var file = Path.Combine(folder, "bootstrap_samples", config.Replace('|', '_') + ".csv");
    if (!File.Exists(file))
    {
        Console.WriteLine($"{config,-42}  (no bootstrap file)");
        continue;
    }

    var exponents = BootstrapExponents(file);
    var interval = PercentileInterval(exponents, 0.95);
    var pub = published[config];
    Console.WriteLine($"{config,-42}{exponents.Length,7}{$"[{interval.Lower:F4}, {interval.Upper:F4}]",22}{$"[{pub.BootstrapLower:F4}, {pub.BootstrapUpper:F4}]",22}");
}

Console.WriteLine();
Console.WriteLine(ok
    ? "PASS: all 30 exponents within 1e-4 of the published values; every loss frontier within 1% or at a lower objective."
    : "FAIL: outside tolerance (see FAIL above).");
return ok ? 0 : 1;

static (LogLogRegression Basic, LogLogRegression Weighted) Exponents(List<PairRow> rows, string config)
{
    var points = rows.Where(r => r.Config == config && double.IsFinite(r.N) && double.IsFinite(r.NStd)).ToArray();
    var c = points.Select(r => r.Flops).ToArray();
    var n = points.Select(r => r.N).ToArray();
    var w = points.Select(r => 1.0 / (r.NStd * r.NStd)).ToArray();
    return (LogLogRegression.Fit(c, n), LogLogRegression.Fit(c, n, w));
}

static double HuberObjective(double[] c, double[] l, double e, double a, double alpha)
{
    var huber = LossFunction.Huber(HuberDelta);
    var sum = 0.0;
    for (var i = 0; i < c.Length; i++)
    {
        sum += huber.Evaluate(Math.Log(l[i]) - Math.Log(e + (a * Math.Pow(c[i], -alpha))));
    }

    return sum;
}

static double RelativeDifference(double value, double reference) => Math.Abs(value - reference) / Math.Abs(reference);

static double[] BootstrapExponents(string path)
{
    var byIteration = new SortedDictionary<int, List<(double Flops, double N)>>();
    foreach (var line in File.ReadLines(path).Skip(1))
    {
        var f = line.Split(',');
        if (f.Length < 3 || f[2].Length == 0)
        {
            continue;
        }

        var iteration = int.Parse(f[1], CultureInfo.InvariantCulture);
        if (!byIteration.TryGetValue(iteration, out var list))
        {
            byIteration[iteration] = list = [];
        }

        list.Add((double.Parse(f[0], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture)));
    }

    return byIteration.Values.Where(v => v.Count >= 2)
        .Select(v => LogLogRegression.Fit(v.Select(p => p.Flops).ToArray(), v.Select(p => p.N).ToArray()).Exponent).ToArray();
}

static ParameterInterval PercentileInterval(double[] values, double level)
{
    var sorted = values.Order().ToArray();
    double Quantile(double p)
    {
        var position = p * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }

    return new ParameterInterval(Quantile((1.0 - level) / 2.0), Quantile((1.0 + level) / 2.0), level);
}

static List<PairRow> ReadPairs(string path)
{
    var lines = File.ReadAllLines(path);
    var header = lines[0].Split(',');
    int Column(string name) => Array.IndexOf(header, name);
    int config = Column("config_id"), flops = Column("flops"), n = Column("n"), loss = Column("loss"), nStd = Column("n_star_std");
    double Parse(string s) => s.Length == 0 ? double.NaN : double.Parse(s, CultureInfo.InvariantCulture);
    return lines.Skip(1).Select(l => l.Split(','))
        .Select(f => new PairRow(f[config], Parse(f[flops]), Parse(f[n]), Parse(f[loss]), Parse(f[nStd])))
        .ToList();
}

static Dictionary<string, PublishedFit> ReadPublished(string path)
{
    using var document = JsonDocument.Parse(File.ReadAllText(path));
    var result = new Dictionary<string, PublishedFit>(StringComparer.Ordinal);
    foreach (var source in document.RootElement.EnumerateObject())
    {
        foreach (var config in source.Value.EnumerateArray())
        {
            var basic = config.GetProperty("basic");
            var weighted = config.GetProperty("weighted");
            var boot = config.GetProperty("bootstrap_percentiles").GetProperty("n_exponent");
            result[config.GetProperty("config_id").GetString()!] = new PublishedFit(
                basic.GetProperty("n_exponent").GetDouble(), weighted.GetProperty("n_exponent").GetDouble(),
                basic.GetProperty("E").GetDouble(), basic.GetProperty("A").GetDouble(), basic.GetProperty("alpha").GetDouble(),
                boot.GetProperty("p2.5").GetDouble(), boot.GetProperty("p97.5").GetDouble());
        }
    }

    return result;
}

static string FindRepoRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ScalingLaws.sln")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? Directory.GetCurrentDirectory();
}

internal sealed record PairRow(string Config, double Flops, double N, double Loss, double NStd);

internal sealed record PublishedFit(double BasicExponent, double WeightedExponent, double E, double A, double Alpha,
    double BootstrapLower, double BootstrapUpper);
