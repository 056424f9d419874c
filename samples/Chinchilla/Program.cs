// Reproduces Epoch AI's replication of Hoffmann et al.'s Chinchilla Approach-3 fit (Besiroglu et al. 2024) from the
// digitised data, and prints our fit next to Epoch's and Hoffmann's published parameters.
// Usage: dotnet run --project samples/Chinchilla [path/to/svg_extracted_data.csv]
// Exit codes: 0 within the published tolerances, 1 outside them, 2 data missing.
using System.Diagnostics;
using System.Globalization;
using ScalingLaws;

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
Console.WriteLine(ok ? "PASS: reproduces Epoch AI's published fit within tolerance." : "FAIL: outside the published tolerances.");
return ok ? 0 : 1;

static string FindRepoRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ScalingLaws.sln")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? Directory.GetCurrentDirectory();
}
