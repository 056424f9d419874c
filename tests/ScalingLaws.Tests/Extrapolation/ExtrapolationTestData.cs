using System.Globalization;
using System.Text.Json;

namespace ScalingLaws.Tests.Extrapolation;

/// <summary>Loads the shared published data sets (never copied into the repo) and builds exact synthetic data.</summary>
internal static class ExtrapolationTestData
{
    private static readonly Lazy<Observations> EpochData = new(LoadEpoch);
    private static readonly Lazy<List<PorianPair>> PorianPairs = new(LoadPorianPairs);
    private static readonly Lazy<Dictionary<string, PorianPublished>> PorianFits = new(LoadPorianPublished);

    /// <summary>Gets Epoch AI's Chinchilla points as the sample loads them: 5 highest losses dropped (240 rows), D = C/(6N).</summary>
    public static Observations Epoch => EpochData.Value;

    /// <summary>Gets the rows of Porian et al.'s optimal_pairs.csv.</summary>
    public static IReadOnlyList<PorianPair> Pairs => PorianPairs.Value;

    /// <summary>Gets the published fits of fit_results.json by config id.</summary>
    public static IReadOnlyDictionary<string, PorianPublished> Published => PorianFits.Value;

    /// <summary>Gets the full path of a file of the Porian et al. data folder.</summary>
    public static string PorianFile(string name) => TestData.SharedFile(Path.Combine("porian-compute-optimal", name));

    /// <summary>Fits the Epoch data as Epoch AI did (Huber δ = 1e-3 on log residuals).</summary>
    public static FitOptions EpochOptions { get; } = FitOptions.Default with { Loss = LossFunction.Huber(1e-3), ResidualSpace = ResidualSpace.Log };

    /// <summary>Builds Chinchilla-law observations on a grid of N and D, exact or with seeded multiplicative noise.</summary>
    public static Observations SyntheticChinchilla(IReadOnlyList<double> parameters, double noise, int seed)
    {
        var law = new ChinchillaLaw();
        var random = new Random(seed);
        var n = new List<double>();
        var d = new List<double>();
        var loss = new List<double>();
        foreach (var logN in Enumerable.Range(0, 8).Select(i => 7.0 + (0.4 * i)))
        {
            foreach (var logD in Enumerable.Range(0, 8).Select(i => 9.0 + (0.4 * i)))
            {
                var nn = Math.Pow(10.0, logN);
                var dd = Math.Pow(10.0, logD);
                var l = law.Evaluate(parameters.ToArray(), [nn, dd]);
                n.Add(nn);
                d.Add(dd);
                loss.Add(l * Math.Exp(noise * Gaussian(random)));
            }
        }

        return new Observations(["N", "D"], [n.ToArray(), d.ToArray()], loss.ToArray(), targetName: "loss");
    }

    /// <summary>A standard normal draw (Box–Muller) from a seeded generator.</summary>
    public static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static Observations LoadEpoch()
        => ObservationsCsv.Read(TestData.SharedFile("chinchilla-epoch/svg_extracted_data.csv"), new CsvReadOptions
        {
            TargetColumn = "loss",
            InputColumns = new Dictionary<string, string> { ["N"] = "Model Size", ["C"] = "Training FLOP" },
        })
            .DropLargestTargets(5)
            .WithDerivedColumn("D", r => r["C"] / (6.0 * r["N"]), "C/(6*N)");

    private static List<PorianPair> LoadPorianPairs()
    {
        var lines = File.ReadAllLines(PorianFile("optimal_pairs.csv"));
        var header = lines[0].Split(',');
        int config = Array.IndexOf(header, "config_id"), flops = Array.IndexOf(header, "flops"), n = Array.IndexOf(header, "n"),
            loss = Array.IndexOf(header, "loss"), nStd = Array.IndexOf(header, "n_star_std");
        static double Parse(string s) => s.Length == 0 ? double.NaN : double.Parse(s, CultureInfo.InvariantCulture);
        return lines.Skip(1).Select(l => l.Split(','))
            .Select(f => new PorianPair(f[config], Parse(f[flops]), Parse(f[n]), Parse(f[loss]), Parse(f[nStd])))
            .ToList();
    }

    private static Dictionary<string, PorianPublished> LoadPorianPublished()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(PorianFile("fit_results.json")));
        var result = new Dictionary<string, PorianPublished>(StringComparer.Ordinal);
        foreach (var source in document.RootElement.EnumerateObject())
        {
            foreach (var config in source.Value.EnumerateArray())
            {
                var basic = config.GetProperty("basic");
                var weighted = config.GetProperty("weighted");
                var boot = config.GetProperty("bootstrap_percentiles").GetProperty("n_exponent");
                result[config.GetProperty("config_id").GetString()!] = new PorianPublished(
                    basic.GetProperty("n_exponent").GetDouble(), weighted.GetProperty("n_exponent").GetDouble(),
                    basic.GetProperty("E").GetDouble(), basic.GetProperty("A").GetDouble(), basic.GetProperty("alpha").GetDouble(),
                    boot.GetProperty("p2.5").GetDouble(), boot.GetProperty("p97.5").GetDouble());
            }
        }

        return result;
    }
}

/// <summary>One row of optimal_pairs.csv (NaN where blank).</summary>
internal sealed record PorianPair(string Config, double Flops, double N, double Loss, double NStarStd);

/// <summary>The published values of one configuration in fit_results.json.</summary>
internal sealed record PorianPublished(double BasicExponent, double WeightedExponent, double E, double A, double Alpha,
    double BootstrapLower, double BootstrapUpper);
