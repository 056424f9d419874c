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
    var pubPred = LossCurvePredictor.ForMultiPowerLaw(published);
    double Huber(LossCurvePredictor p) => train.Sum(c => { var y = p.Predict(c.Schedule, c.Steps); return c.Losses.Select((l, i) => { var r = Math.Log(l) - Math.Log(y[i]); var a = Math.Abs(r); return a <= 1e-3 ? 0.5 * r * r : 1e-3 * (a - 5e-4); }).Sum(); });
    Console.WriteLine($"size {sz}: objective at published {Huber(pubPred):G6}");
    var sw0 = Stopwatch.StartNew();
    var ref7 = ReferenceProtocol(train, law, obs);
    Console.WriteLine($"reference protocol {sw0.ElapsedMilliseconds} ms: {string.Join(", ", ref7.Select(v => v.ToString("G6", CultureInfo.InvariantCulture)))}");
    var rp = LossCurvePredictor.ForMultiPowerLaw(ref7);
    Console.WriteLine($"   huber {Huber(rp):G5} test " + LossCurveMetrics.Average(rp.Evaluate(test)));
    Console.WriteLine($"   pub test " + LossCurveMetrics.Average(pubPred.Evaluate(test)));
    foreach (var c in pubPred.Evaluate(train.Concat(test))) Console.WriteLine(" pub  " + c);
}
return 0;

static double[] ReferenceProtocol(LossCurve[] train, MultiPowerLaw law, Observations obs)
{
    // Stage 1: surrogate L0 + A*S1^-alpha - B*(3e-4 - lr_t), Huber log, grid of 135 starts.
    var min = train.Min(c => c.Losses.Min());
    var lx = new List<double>(); var ly = new List<double>();
    var s1 = new List<double>(); var drop = new List<double>(); var y = new List<double>();
    foreach (var c in train)
    {
        var areas = ScheduleAreas.Compute(c.Schedule);
        for (var i = 0; i < c.Count; i++)
        {
            var st = c.Steps[i];
            lx.Add(Math.Log(areas.ForwardArea[st])); ly.Add(Math.Log(c.Losses[i] - min + 0.01));
            s1.Add(areas.ForwardArea[st]); drop.Add(3e-4 - c.Schedule[st]); y.Add(c.Losses[i]);
        }
    }
    double mx = lx.Average(), my = ly.Average();
    var slope = lx.Zip(ly).Sum(t => (t.First - mx) * (t.Second - my)) / lx.Sum(v => (v - mx) * (v - mx));
    var intercept = my - slope * mx;
    double[] Lin(double a, double b, int n) => Enumerable.Range(0, n).Select(i => a + (b - a) * i / (n - 1)).ToArray();
    var surrogate = new CustomLaw("surrogate", "L0 + A*S1^-alpha - B*drop",
        [new LawParameter("L0", "", ParameterScale.Linear, 0, double.PositiveInfinity), new LawParameter("A", "", ParameterScale.Linear, 0, double.PositiveInfinity),
         new LawParameter("alpha", "", ParameterScale.Linear, 0, double.PositiveInfinity), new LawParameter("B", "", ParameterScale.Linear, 0, double.PositiveInfinity)],
        [new LawInput("S1", ""), new LawInput("drop", "", InputDomain.Finite)],
        (p, x) => p[0] + p[1] * Math.Pow(x[0], -p[2]) - p[3] * x[1], [min, 0.5, 0.5, 100],
        (p, x, g) => { var pw = Math.Pow(x[0], -p[2]); g[0] = 1; g[1] = pw; g[2] = -p[1] * pw * Math.Log(x[0]); g[3] = -x[1]; });
    var sobs = new Observations(["S1", "drop"], [s1.ToArray(), drop.ToArray()], y.ToArray());
    var grid = StartStrategy.Grid(new Dictionary<string, double[]>
    {
        ["L0"] = Lin(min - 0.2, min + 0.2, 5), ["A"] = Lin(Math.Exp(intercept) - 0.1, Math.Exp(intercept) + 0.1, 3),
        ["alpha"] = Lin(-slope - 0.1, -slope + 0.1, 3), ["B"] = Lin(100, 1000, 3),
    });
    var sfit = ScalingLawFitter.Fit(surrogate, sobs, LossCurveFitter.DefaultOptions with { Starts = grid });
    Console.WriteLine($"surrogate: {string.Join(", ", sfit.Parameters.Select(v => v.ToString("G6", CultureInfo.InvariantCulture)))} obj {sfit.Objective:G6}");
    // Stage 2: AdamW (torch defaults, wd 0.01) lr 5e-2 for L0,A,B,C and 5e-3 for alpha,beta,gamma; 200 steps, patience 20.
    double[] p7 = [sfit.Parameters[0], sfit.Parameters[1], sfit.Parameters[2], sfit.Parameters[3], 1.0, 0.5, 0.5];
    double[] lrs = [5e-2, 5e-2, 5e-3, 5e-2, 5e-2, 5e-3, 5e-3];
    var n = obs.Count;
    var inputs = new LawInputs([obs.Column("curve").ToArray(), obs.Column("step").ToArray()]);
    var logY = obs.Target.Select(v => (double)MathF.Log((float)v)).ToArray();
    var values = new double[n]; var jac = new double[n * 7];
    var m = new double[7]; var v2 = new double[7];
    double minLoss = double.PositiveInfinity, best = double.PositiveInfinity; var noImprove = 0; double[] bestP = (double[])p7.Clone();
    for (var step = 0; step < 200; step++)
    {
        law.Evaluate(p7, inputs, values, jac);
        var total = 0.0; var g = new double[7];
        for (var i = 0; i < n; i++)
        {
            var pred = Math.Max(values[i], 1e-10);
            var r = logY[i] - Math.Log(pred);
            var a = Math.Abs(r);
            total += a < 1e-3 ? 0.5 * r * r : 1e-3 * (a - 5e-4);
            var psi = a < 1e-3 ? r : 1e-3 * Math.Sign(r);
            for (var k = 0; k < 7; k++) g[k] += psi * (-1.0 / pred) * jac[i * 7 + k];
        }
        var t = step + 1;
        for (var k = 0; k < 7; k++)
        {
            p7[k] *= 1 - lrs[k] * 0.01;
            m[k] = 0.9 * m[k] + 0.1 * g[k];
            v2[k] = 0.999 * v2[k] + 0.001 * g[k] * g[k];
            var mh = m[k] / (1 - Math.Pow(0.9, t));
            var vh = v2[k] / (1 - Math.Pow(0.999, t));
            p7[k] -= lrs[k] * mh / (Math.Sqrt(vh) + 1e-8);
        }
        if (total < minLoss) { minLoss = total; noImprove = 0; } else { noImprove++; }
        if (step > 20 && noImprove >= 20) { Console.WriteLine($"patience stop at {step}"); break; }
        var gn = Math.Sqrt(g.Sum(x => x * x));
        if (gn < 1e-5) { Console.WriteLine($"grad stop at {step}"); break; }
        if (total < best) { best = total; bestP = (double[])p7.Clone(); }
    }
    Console.WriteLine($"adam best loss {best:G6}");
    return bestP;
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
