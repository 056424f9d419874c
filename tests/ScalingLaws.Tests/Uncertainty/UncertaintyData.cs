namespace ScalingLaws.Tests.Uncertainty;

/// <summary>Seeded data sets for the uncertainty tests: synthetic power laws with Gaussian noise and Epoch AI's Chinchilla data.</summary>
internal static class UncertaintyData
{
    /// <summary>Truth of the coverage and round-trip sets: <c>y = E + A·x^(−alpha)</c> with E 1, A 10, alpha 0.5.</summary>
    public static readonly double[] SaturatingTruth = [1.0, 10.0, 0.5];

    private static readonly Lazy<Observations> Epoch = new(LoadEpoch);

    /// <summary>Gets Epoch AI's 240 Chinchilla points: the 5 highest losses dropped, D = C/(6N) (SOURCE.md).</summary>
    public static Observations EpochData => Epoch.Value;

    /// <summary>Gets Epoch's fit options: Huber δ = 1e-3 on log residuals, summed.</summary>
    public static FitOptions EpochOptions => FitOptions.Default with { Loss = LossFunction.Huber(1e-3), ResidualSpace = ResidualSpace.Log };

    /// <summary>Returns <paramref name="count"/> points from x = 1 to 1e4, evenly spaced in log.</summary>
    public static double[] LogSpace(int count)
        => Enumerable.Range(0, count).Select(i => Math.Pow(10.0, 4.0 * i / (count - 1))).ToArray();

    /// <summary>Standard normal draws (Box–Muller) from a seeded <see cref="Random"/>.</summary>
    public static double[] Normal(int count, int seed)
    {
        var random = new Random(seed);
        var z = new double[count];
        for (var i = 0; i < count; i++)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            z[i] = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        }

        return z;
    }

    /// <summary>Data from <see cref="SaturatingTruth"/> with additive Gaussian noise of standard deviation <paramref name="sigma"/>.</summary>
    public static Observations Saturating(int count, double sigma, int seed)
    {
        var x = LogSpace(count);
        var z = Normal(count, seed);
        var y = new double[count];
        for (var i = 0; i < count; i++)
        {
            y[i] = SaturatingTruth[0] + (SaturatingTruth[1] * Math.Pow(x[i], -SaturatingTruth[2])) + (sigma * z[i]);
        }

        return Observations.FromArrays("x", x, y);
    }

    /// <summary>Data from a pure power law <c>y = 5·x^(−0.3)</c> with multiplicative log-normal noise (exactly linear in
    /// log A and alpha on log residuals).</summary>
    public static Observations PowerLaw(int count, double logSigma, int seed)
    {
        var x = LogSpace(count);
        var z = Normal(count, seed);
        var y = x.Select((v, i) => 5.0 * Math.Pow(v, -0.3) * Math.Exp(logSigma * z[i])).ToArray();
        return Observations.FromArrays("x", x, y);
    }

    private static Observations LoadEpoch()
    {
        var path = TestData.SharedFile(Path.Combine("chinchilla-epoch", "svg_extracted_data.csv"));
        return ObservationsCsv.Read(path, new CsvReadOptions
        {
            TargetColumn = "loss",
            InputColumns = new Dictionary<string, string> { ["N"] = "Model Size", ["C"] = "Training FLOP" },
        }).DropLargestTargets(5).WithDerivedColumn("D", r => r["C"] / (6.0 * r["N"]), "C/(6*N)");
    }
}
