using System.Diagnostics;
using ScalingLaws.Internal;

namespace ScalingLaws.Benchmarks;

/// <summary>Times the stages of one fit (problem set-up, solver, statistics) to guide optimisation.</summary>
internal static class Probe
{
    public static void Run()
    {
        var data = EpochData.Load();
        var law = new ChinchillaLaw();
        double[] start = [Math.Exp(0.5267228), Math.Exp(6.0073404), 0.33917084, Math.Exp(6.0179186), 0.2849083];
        var options = FitOptions.Default with { Loss = LossFunction.Huber(1e-3), ResidualSpace = ResidualSpace.Log, Starts = StartStrategy.FromPoint(start), MaxDegreeOfParallelism = 1 };
        for (var rep = 0; rep < 3; rep++)
        {
            const int N = 300;
            var sw = Stopwatch.StartNew();
            FitProblem problem = null!;
            for (var i = 0; i < N; i++) problem = new FitProblem(law, data, options);
            var tProblem = sw.Elapsed.TotalMilliseconds / N;
            var ws = new SolverWorkspace(problem.N, problem.P, problem.Q);
            var theta = new double[problem.Q];
            SolverOutcome o = default;
            sw.Restart();
            for (var i = 0; i < N; i++) { problem.TryToInternal(start, ws.Theta, false); o = LevenbergMarquardt.Solve(problem, ws, 1000); }
            var tSolve = sw.Elapsed.TotalMilliseconds / N;
            ws.Theta.CopyTo(theta, 0);
            sw.Restart();
            for (var i = 0; i < N; i++) FitResultBuilder.Build(problem, theta, o, new MultiStartSummary(1, 1, 1, 0, 0, "x"));
            var tBuild = sw.Elapsed.TotalMilliseconds / N;
            sw.Restart();
            for (var i = 0; i < N; i++) problem.Evaluate(theta, ws, ws.Residuals, ws.Jacobian);
            var tEval = sw.Elapsed.TotalMilliseconds / N;
            sw.Restart();
            for (var i = 0; i < N; i++) MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, 235, 0.975);
            var tT = sw.Elapsed.TotalMilliseconds / N;
            var m = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(5, 5, (i, k) => i == k ? 2.0 : 0.3 / (1 + i + k));
            sw.Restart();
            for (var i = 0; i < N; i++) m.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric);
            var tEvd = sw.Elapsed.TotalMilliseconds / N;
            sw.Restart();
            for (var i = 0; i < N; i++) _ = new SolverWorkspace(problem.N, problem.P, problem.Q).Theta;
            var tWs = sw.Elapsed.TotalMilliseconds / N;
            Console.WriteLine($"evd {tEvd:F4} ms, workspace {tWs:F4} ms");
            Console.WriteLine($"problem {tProblem:F4} ms, solve {tSolve:F4} ms ({o.Iterations} it, {o.Evaluations} ev), build {tBuild:F4} ms, eval {tEval:F4} ms, tinv {tT:F4}");
        }
    }
}
