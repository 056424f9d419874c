using BenchmarkDotNet.Running;

namespace ScalingLaws.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release -- --filter '*'</c> (CI runs <c>--job Dry</c>);
/// <c>dotnet run -c Release -- compare [--full]</c> prints the JSON timings used by benchmarks/compare.</summary>
internal static class Program
{
    private static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "probe")
        {
            Probe.Run();
            return;
        }

        if (args.Length > 0 && args[0] == "compare")
        {
            CompareJobs.Run(args.Contains("--full"));
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
