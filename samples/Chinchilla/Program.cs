using System.Diagnostics;
using System.Globalization;
using ScalingLaws;

var path = args.Length > 0 ? args[0] : Path.Combine(FindRepoRoot(), "..", "shared", "data", "chinchilla-epoch", "svg_extracted_data.csv");
var raw = ObservationsCsv.Read(path, new CsvReadOptions
{
    TargetColumn = "loss",
    InputColumns = new Dictionary<string, string> { ["N"] = "Model Size", ["C"] = "Training FLOP" },
});
var data = raw.DropLargestTargets(5).WithDerivedColumn("D", r => r["C"] / (6.0 * r["N"]), "C/(6*N)");
var options = FitOptions.Default with { Loss = LossFunction.Huber(1e-3), ResidualSpace = ResidualSpace.Log };
var sw = Stopwatch.StartNew();
var fit = ScalingLawFitter.Fit(new ChinchillaLaw(), data, options);
Console.WriteLine($"default: {sw.Elapsed.TotalMilliseconds} ms");
Console.WriteLine(fit);
sw.Restart();
var hoff = ScalingLawFitter.Fit(new ChinchillaLaw(), data, options with { Starts = StartStrategy.FromPoint(1.69, 406.4, 0.34, 410.7, 0.28) });
Console.WriteLine($"hoffmann start: {sw.Elapsed.TotalMilliseconds} ms");
Console.WriteLine(hoff);
sw.Restart();
double[] Lin(double a, double b, int n) => Enumerable.Range(0, n).Select(i => a + ((b - a) * i / (n - 1))).ToArray();
var grid = StartStrategy.Grid(new Dictionary<string, double[]>
{
    ["E"] = new[] { -1.0, -0.5, 0, 0.5, 1 }.Select(Math.Exp).ToArray(),
    ["A"] = new[] { 0.0, 5, 10, 15, 20, 25 }.Select(Math.Exp).ToArray(),
    ["alpha"] = [0, 0.5, 1, 1.5, 2],
    ["B"] = new[] { 0.0, 5, 10, 15, 20, 25 }.Select(Math.Exp).ToArray(),
    ["beta"] = [0, 0.5, 1, 1.5, 2],
});
var full = ScalingLawFitter.Fit(new ChinchillaLaw(), data, options with { Starts = grid });
Console.WriteLine($"grid: {sw.Elapsed.TotalMilliseconds} ms");
Console.WriteLine(full);
_ = Lin(0, 1, 2);

static string FindRepoRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ScalingLaws.sln")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? Directory.GetCurrentDirectory();
}
