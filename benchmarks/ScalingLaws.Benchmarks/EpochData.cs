namespace ScalingLaws.Benchmarks;

/// <summary>Loads Epoch AI's digitised Chinchilla data (240 points) from ../shared/data next to the repository.</summary>
internal static class EpochData
{
    public static Observations Load()
    {
        var path = Environment.GetEnvironmentVariable("SCALING_LAWS_EPOCH_CSV")
            ?? Path.Combine(FindRepoRoot(), "..", "shared", "data", "chinchilla-epoch", "svg_extracted_data.csv");
        return ObservationsCsv.Read(path, new CsvReadOptions
            {
                TargetColumn = "loss",
                InputColumns = new Dictionary<string, string> { ["N"] = "Model Size", ["C"] = "Training FLOP" },
            })
            .DropLargestTargets(5)
            .WithDerivedColumn("D", r => r["C"] / (6.0 * r["N"]), "C/(6*N)");
    }

    public static string FindRepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            var dir = new DirectoryInfo(start);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ScalingLaws.sln")))
            {
                dir = dir.Parent;
            }

            if (dir is not null)
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
