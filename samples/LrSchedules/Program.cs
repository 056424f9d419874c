using System.Diagnostics;
using System.Globalization;
using ScalingLaws;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var data = args.Length > 0 ? args[0] : Path.Combine(FindRepoRoot(), "..", "shared", "data", "mpl-lr-schedules");
var size = 100;
var train = MplCatalog.TrainNames.Select(n => MplCatalog.Curve(data, size, n)).ToArray();
var test = MplCatalog.TestNames.Select(n => MplCatalog.Curve(data, size, n)).ToArray();
double[] published = [2.6514477, 0.60115152, 0.45295811, 437.9464276, 2.13245612, 0.59785199, 0.65523644];
var pred = LossCurvePredictor.ForMultiPowerLaw(published);
var sw = Stopwatch.StartNew();
var m = pred.Evaluate(test);
Console.WriteLine($"eval {sw.ElapsedMilliseconds} ms");
foreach (var x in m) Console.WriteLine(x);
Console.WriteLine(LossCurveMetrics.Average(m));
sw.Restart();
var tissue = LossCurveFitter.FitAnnealingLaw(train);
Console.WriteLine($"tissue {sw.ElapsedMilliseconds} ms");
Console.WriteLine(tissue.Result);
Console.WriteLine(LossCurveMetrics.Average(tissue.Evaluate(test)));
// MPL timing
var law = new MultiPowerLaw(train.Select(c => c.Schedule));
var obs = MultiPowerLaw.CreateObservations(train);
var inputs = new LawInputs([obs.Column("curve").ToArray(), obs.Column("step").ToArray()]);
var values = new double[obs.Count];
var jac = new double[obs.Count * 7];
for (var rep = 0; rep < 3; rep++)
{
    sw.Restart();
    law.Evaluate(published, inputs, values, []);
    var t1 = sw.Elapsed.TotalMilliseconds;
    sw.Restart();
    law.Evaluate(published, inputs, values, jac);
    Console.WriteLine($"train eval {t1:F1} ms, with jac {sw.Elapsed.TotalMilliseconds:F1} ms");
}
sw.Restart();
var mpl = LossCurveFitter.FitMultiPowerLaw(train);
Console.WriteLine($"mpl fit {sw.ElapsedMilliseconds} ms");
Console.WriteLine(mpl.Result);
Console.WriteLine(LossCurveMetrics.Average(mpl.Evaluate(test)));
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
