using System.Globalization;
using ScalingLaws;

// Broken neural scaling law (Caballero et al. 2023) on the 4-digit addition learning curve: fit the 1-break law on the
// 14 `fit` points, extrapolate to the 3 held-out larger training sets, and compare with a power law plus constant.
const double FitRmsleTolerance = 6.0e-4;            // SOURCE.md: reference procedure reaches 5.98e-4
const double ExtrapolationRmsleTolerance = 1.2e-2;  // SOURCE.md: reference procedure reaches 1.09e-2
const double MinimumAicGap = 10.0;                  // "visibly worse": AIC differences above 10 are decisive (Burnham & Anderson)
const double MinimumExtrapolationRatio = 3.0;       // the power law's extrapolation error must be at least 3x larger

var ci = CultureInfo.InvariantCulture;
var path = args.Length > 0 ? args[0] : Path.Combine(FindRepoRoot(), "..", "shared", "data", "bnsl-4digit-addition", "four_digit_addition.csv");
if (!File.Exists(path))
{
    Console.Error.WriteLine($"Data file not found: {path}");
    Console.Error.WriteLine("Get it from https://github.com/ethancaballero/broken_neural_scaling_laws (the x and y arrays in");
    Console.Error.WriteLine("fit_bnsl_and_extrapolate__4_digit_addition__dataset_size_x-axis.py, commit ffa608f), written as a CSV with");
    Console.Error.WriteLine("columns train_set_size,test_cross_entropy,split (split = fit for the first 14 rows, extrapolate for the last 3),");
    Console.Error.WriteLine("and pass its path as the first argument.");
    return 2;
}

const string Input = "train_set_size";
var all = ObservationsCsv.Read(path, new CsvReadOptions
{
    TargetColumn = "test_cross_entropy",
    InputColumns = new Dictionary<string, string> { [Input] = "train_set_size" },
    GroupColumn = "split",
});
var groups = all.Groups ?? throw new InvalidDataException("The CSV has no split column.");
var fitData = all.SelectRows(Enumerable.Range(0, all.Count).Where(i => groups[i] == "fit").ToArray());
var holdout = all.SelectRows(Enumerable.Range(0, all.Count).Where(i => groups[i] == "extrapolate").ToArray());
Console.WriteLine($"{all.Count} points: {fitData.Count} to fit, {holdout.Count} to extrapolate ({path})");

// Both laws are fitted on log residuals, so the fit RMSLE is what the solver minimises and the AICs are comparable.
var options = FitOptions.Default with { ResidualSpace = ResidualSpace.Log };
var bnsl = ScalingLawFitter.Fit(new BrokenNeuralScalingLaw(1, Input), fitData, options);
var power = ScalingLawFitter.Fit(new SaturatingPowerLaw(Input), fitData, options);
Console.WriteLine();
Console.WriteLine(bnsl);
Console.WriteLine();
Console.WriteLine(power);
Console.WriteLine();

var rows = new[] { ("BNSL, 1 break", bnsl), ("power law + constant", power) }
    .Select(r => (Name: r.Item1, Fit: r.Item2, FitRmsle: Rmsle(r.Item2, fitData), ExtrapolationRmsle: Rmsle(r.Item2, holdout)))
    .ToArray();
Console.WriteLine($"{"law",-22} {"params",6} {"AIC",10} {"fit RMSLE",11} {"extrap. RMSLE",14}");
foreach (var r in rows)
{
    Console.WriteLine(string.Create(ci, $"{r.Name,-22} {r.Fit.Parameters.Count,6} {r.Fit.Aic,10:F2} {r.FitRmsle,11:E3} {r.ExtrapolationRmsle,14:E3}"));
}

Console.WriteLine();
Console.WriteLine($"{Input,15} {"observed",10} {"BNSL",10} {"power law",10}");
for (var i = 0; i < holdout.Count; i++)
{
    var x = holdout.Column(Input)[i];
    Console.WriteLine(string.Create(ci, $"{x,15} {holdout.Target[i],10:F5} {bnsl.Predict(x),10:F5} {power.Predict(x),10:F5}"));
}

var failures = new List<string>();
var b = rows[0];
var p = rows[1];
if (!bnsl.Converged)
{
    failures.Add($"the BNSL fit did not converge: {bnsl.Diagnostics}");
}

if (!(b.FitRmsle <= FitRmsleTolerance))
{
    failures.Add(string.Create(ci, $"BNSL fit RMSLE {b.FitRmsle:E3} exceeds {FitRmsleTolerance:E1}"));
}

if (!(b.ExtrapolationRmsle <= ExtrapolationRmsleTolerance))
{
    failures.Add(string.Create(ci, $"BNSL extrapolation RMSLE {b.ExtrapolationRmsle:E3} exceeds {ExtrapolationRmsleTolerance:E1}"));
}

if (!(p.Fit.Aic - b.Fit.Aic >= MinimumAicGap))
{
    failures.Add(string.Create(ci, $"the power law's AIC {p.Fit.Aic:F2} is not at least {MinimumAicGap} above the BNSL's {b.Fit.Aic:F2}"));
}

if (!(p.ExtrapolationRmsle >= MinimumExtrapolationRatio * b.ExtrapolationRmsle))
{
    failures.Add(string.Create(ci, $"the power law's extrapolation RMSLE {p.ExtrapolationRmsle:E3} is not {MinimumExtrapolationRatio}x the BNSL's"));
}

Console.WriteLine();
if (failures.Count > 0)
{
    foreach (var f in failures)
    {
        Console.WriteLine($"FAIL: {f}");
    }

    return 1;
}

Console.WriteLine(string.Create(ci,
    $"OK: BNSL fit RMSLE {b.FitRmsle:E3} (<= {FitRmsleTolerance:E1}), extrapolation RMSLE {b.ExtrapolationRmsle:E3} (<= {ExtrapolationRmsleTolerance:E1}); " +
    $"power law + constant: AIC +{p.Fit.Aic - b.Fit.Aic:F1}, extrapolation error x{p.ExtrapolationRmsle / b.ExtrapolationRmsle:F1}."));
return 0;

static double Rmsle(FitResult fit, Observations data)
{
    var predicted = fit.Predict(data);
    var sum = 0.0;
    for (var i = 0; i < data.Count; i++)
    {
        var d = Math.Log(predicted[i]) - Math.Log(data.Target[i]);
        sum += d * d;
    }

    return Math.Sqrt(sum / data.Count);
}

// The repository root: the first folder holding ScalingLaws.sln above the executable, this source file (builds with
// --artifacts-path outside the repository) or the current directory.
static string FindRepoRoot()
{
    string?[] origins = [AppContext.BaseDirectory, Path.GetDirectoryName(SourceFile()), Directory.GetCurrentDirectory()];
    foreach (var origin in origins)
    {
        for (var dir = origin is null ? null : new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ScalingLaws.sln")))
            {
                return dir.FullName;
            }
        }
    }

    return Directory.GetCurrentDirectory();
}

static string SourceFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
