using ScalingLaws.Internal;
using ScalingLaws.Tests.Uncertainty;

namespace ScalingLaws.Tests.Core;

/// <summary>Issue 6: no heap allocation per solver iteration once the problem and its workspace exist.</summary>
public class SolverAllocationTests
{
    private static readonly double[] HoffmannStart = [Math.Exp(0.5267228), Math.Exp(6.0073404), 0.33917084, Math.Exp(6.0179186), 0.2849083];

    public static TheoryData<string> Problems => new() { "huber-log", "least-squares-linear", "least-squares-log" };

    [Theory]
    [MemberData(nameof(Problems))]
    public void Solve_MoreIterations_AllocatesNoMore(string name)
    {
        var options = name switch
        {
            "huber-log" => UncertaintyData.EpochOptions,
            "least-squares-log" => FitOptions.Default with { ResidualSpace = ResidualSpace.Log },
            _ => FitOptions.Default,
        };
        var problem = new FitProblem(new ChinchillaLaw(), UncertaintyData.EpochData, options with { Starts = StartStrategy.FromPoint(HoffmannStart) });
        var ws = new SolverWorkspace(problem.N, problem.P, problem.Q);

        long Allocated(int maxIterations)
        {
            problem.TryToInternal(HoffmannStart, ws.Theta, clipToBounds: false).Should().BeNull();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var outcome = LevenbergMarquardt.Solve(problem, ws, maxIterations);
            var after = GC.GetAllocatedBytesForCurrentThread();
            outcome.Iterations.Should().Be(maxIterations, "the comparison needs both runs to use their whole iteration budget");
            return after - before;
        }

        Allocated(3); // JIT and first-call caches
        var few = Allocated(3);
        var many = Allocated(12);

        // Both runs end with the same "iteration limit" message (one string); any per-iteration allocation would show up as
        // a difference of at least 9 allocations.
        (many - few).Should().Be(0);
    }
}
