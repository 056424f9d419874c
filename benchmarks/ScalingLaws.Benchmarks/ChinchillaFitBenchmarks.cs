using BenchmarkDotNet.Attributes;
using ScalingLaws.Internal;

namespace ScalingLaws.Benchmarks;

/// <summary>Single fits of the Chinchilla law on Epoch's 240 points, the jobs timed against scipy in benchmarks/compare.</summary>
[MemoryDiagnoser]
public class ChinchillaFitBenchmarks
{
    // Hoffmann et al.'s unrounded parameters, as used by Epoch AI to start the bootstrap fits (natural units).
    private static readonly double[] HoffmannStart = [Math.Exp(0.5267228), Math.Exp(6.0073404), 0.33917084, Math.Exp(6.0179186), 0.2849083];

    private readonly ChinchillaLaw _law = new();
    private Observations _data = null!;
    private FitOptions _huberLog = null!;
    private FitOptions _leastSquares = null!;
    private FitOptions _global = null!;
    private FitProblem _problem = null!;
    private SolverWorkspace _workspace = null!;
    private double[] _internalStart = null!;

    /// <summary>Loads the data and builds the options once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _data = EpochData.Load();
        _huberLog = FitOptions.Default with
        {
            Loss = LossFunction.Huber(1e-3),
            ResidualSpace = ResidualSpace.Log,
            Starts = StartStrategy.FromPoint(HoffmannStart),
            MaxDegreeOfParallelism = 1,
        };
        _leastSquares = FitOptions.Default with { Starts = StartStrategy.FromPoint(HoffmannStart), MaxDegreeOfParallelism = 1 };
        _global = FitOptions.Default with { Loss = LossFunction.Huber(1e-3), ResidualSpace = ResidualSpace.Log };
        _problem = new FitProblem(_law, _data, _huberLog);
        _workspace = new SolverWorkspace(_problem.N, _problem.P, _problem.Q);
        _internalStart = new double[_problem.Q];
        _problem.TryToInternal(HoffmannStart, _internalStart, clipToBounds: false);
    }

    /// <summary>One Huber(1e-3)-on-log-residuals fit from Hoffmann's parameters (scipy least_squares trf: 1.4 ms here).</summary>
    [Benchmark]
    public double HuberLogFit() => ScalingLawFitter.Fit(_law, _data, _huberLog).Objective;

    /// <summary>The Huber fit without the interval-curvature check (its cost is the difference).</summary>
    [Benchmark]
    public double HuberLogFitWithoutCurvatureCheck()
        => ScalingLawFitter.Fit(_law, _data, _huberLog with { CheckIntervalCurvature = false }).Objective;

    /// <summary>One plain least-squares fit in linear space from Hoffmann's parameters (scipy curve_fit lm: 1.1 ms here).</summary>
    [Benchmark]
    public double LeastSquaresFit() => ScalingLawFitter.Fit(_law, _data, _leastSquares).Objective;

    /// <summary>The default global search (variable-projection grid + refinement) reaching Epoch's optimum.</summary>
    [Benchmark]
    public double DefaultGlobalFit() => ScalingLawFitter.Fit(_law, _data, _global).Objective;

    /// <summary>The solver alone on a validated problem and a reused workspace (the 16 iterations of <see cref="HuberLogFit"/>):
    /// MemoryDiagnoser shows that the iterations allocate nothing.</summary>
    [Benchmark]
    public double SolverIterationsOnly()
    {
        _internalStart.CopyTo(_workspace.Theta, 0);
        return LevenbergMarquardt.Solve(_problem, _workspace, 1000).Objective;
    }
}
