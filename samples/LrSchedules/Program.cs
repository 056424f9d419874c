using System.Diagnostics;
using System.Globalization;
using ScalingLaws;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var data = args.Length > 0 ? args[0] : Path.Combine(FindRepoRoot(), "..", "shared", "data", "mpl-lr-schedules");
var size = 100;
var train = MplCatalog.TrainNames.Select(n => MplCatalog.Curve(data, size, n)).ToArray();
var test = MplCatalog.TestNames.Select(n => MplCatalog.Curve(data, size, n)).ToArray();
var sizes = new Dictionary<int, double[]>
{
    [25] = [3.04045406, 0.52468604, 0.50786857, 363.78751622, 2.06560812, 0.58279013, 0.64142257],
    [100] = [2.6514477, 0.60115152, 0.45295811, 437.9464276, 2.13245612, 0.59785199, 0.65523644],
    [400] = [2.37474466, 0.65421216, 0.42878731, 523.42464371, 2.02462735, 0.59350493, 0.63472457],
};
foreach (var (sz, published) in sizes)
{
    train = MplCatalog.TrainNames.Select(n => MplCatalog.Curve(data, sz, n)).ToArray();
    test = MplCatalog.TestNames.Select(n => MplCatalog.Curve(data, sz, n)).ToArray();
    var law = new MultiPowerLaw(train.Select(c => c.Schedule));
    var obs = MultiPowerLaw.CreateObservations(train);
    var opts = LossCurveFitter.DefaultOptions;
    var atPub = ScalingLawFitter.Fit(law, obs, opts with { Starts = StartStrategy.FromPoint(published), MaxIterations = 1 });
    Console.WriteLine($"size {sz}: objective at published (1 iter) {atPub.Objective:G6}");
    var sw = Stopwatch.StartNew();
    var fromPub = ScalingLawFitter.Fit(law, obs, opts with { Starts = StartStrategy.FromPoint(published) });
    Console.WriteLine($"from published: {sw.ElapsedMilliseconds} ms obj {fromPub.Objective:G6} params {string.Join(", ", fromPub.Parameters.Select(v => v.ToString("G5", CultureInfo.InvariantCulture)))} iters {fromPub.Diagnostics.Iterations}");
    Console.WriteLine("  test " + LossCurveMetrics.Average(LossCurvePredictor.ForMultiPowerLaw(fromPub.Parameters).Evaluate(test)));
    Console.WriteLine("  pub  " + LossCurveMetrics.Average(LossCurvePredictor.ForMultiPowerLaw(published).Evaluate(test)));
}
return 0;

static string FindRepoRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ScalingLaws.sln")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? Directory.GetCurrentDirectory();
}
