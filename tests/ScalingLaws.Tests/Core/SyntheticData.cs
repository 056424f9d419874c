namespace ScalingLaws.Tests.Core;

/// <summary>Seeded synthetic data sets generated from known parameters of the built-in laws.</summary>
internal static class SyntheticData
{
    /// <summary>Tissue et al.'s momentum factor for the annealing area.</summary>
    public const double AnnealingMomentum = 0.999;

    public static readonly double[] PowerLawTruth = [5000.0, 0.3];               // A, alpha
    public static readonly double[] SaturatingTruth = [1.8, 400.0, 0.34];        // E, A, alpha
    public static readonly double[] ChinchillaTruth = [1.82, 478.0, 0.347, 2144.0, 0.367]; // Epoch's fit: E, A, alpha, B, beta
    public static readonly double[] AnnealingTruth = [2.0, 3.0, 0.4, 6e-4];      // L0, A, alpha, C

    /// <summary>Returns <paramref name="count"/> values spaced evenly in log between <paramref name="low"/> and <paramref name="high"/>.</summary>
    public static double[] LogSpace(double low, double high, int count)
        => Enumerable.Range(0, count).Select(i => Math.Exp(Math.Log(low) + ((Math.Log(high) - Math.Log(low)) * i / (count - 1)))).ToArray();

    /// <summary>Standard normal draws by Box–Muller from a seeded generator.</summary>
    public static double[] Normal(int count, int seed)
    {
        var random = new Random(seed);
        var result = new double[count];
        for (var i = 0; i < count; i++)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            result[i] = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        }

        return result;
    }

    /// <summary>Evaluates a law at the rows of some observations and replaces the target, optionally with multiplicative noise
    /// <c>y·(1 + noise·z)</c>, z standard normal.</summary>
    public static Observations Generate(ScalingLaw law, double[] parameters, IReadOnlyList<string> names, double[][] columns,
        double relativeNoise, int seed)
    {
        var n = columns[0].Length;
        var values = new double[n];
        law.Evaluate(parameters, new LawInputs(columns), values, []);
        var z = Normal(n, seed);
        for (var i = 0; i < n; i++)
        {
            values[i] *= 1.0 + (relativeNoise * z[i]);
        }

        return new Observations(names, columns, values);
    }

    /// <summary>Data for <see cref="PowerLaw"/>: x from 1e6 to 1e10.</summary>
    public static Observations PowerLaw(double relativeNoise, int seed = 1)
        => Generate(new PowerLaw(), PowerLawTruth, ["x"], [LogSpace(1e6, 1e10, 30)], relativeNoise, seed);

    /// <summary>Data for <see cref="SaturatingPowerLaw"/>: x (parameters) from 1e6 to 1e10.</summary>
    public static Observations Saturating(double relativeNoise, int seed = 12)
        => Generate(new SaturatingPowerLaw(), SaturatingTruth, ["x"], [LogSpace(1e6, 1e10, 30)], relativeNoise, seed);

    /// <summary>Data for <see cref="ChinchillaLaw"/>: an 8 × 8 grid of N in 1e7–1e10 and D in 1e9–1e12.</summary>
    public static Observations Chinchilla(double relativeNoise, int seed = 3)
    {
        var ns = LogSpace(1e7, 1e10, 8);
        var ds = LogSpace(1e9, 1e12, 8);
        var n = ns.SelectMany(v => ds.Select(_ => v)).ToArray();
        var d = ns.SelectMany(_ => ds).ToArray();
        return Generate(new ChinchillaLaw(), ChinchillaTruth, ["N", "D"], [n, d], relativeNoise, seed);
    }

    /// <summary>Data for <see cref="AnnealingLaw"/>: checkpoints every 100 steps of three 2000-step runs (constant,
    /// cosine to 10% and warmup-stable-decay with a linear decay over the last 20%), S1 and S2 computed from the schedule.</summary>
    public static Observations Annealing(double relativeNoise, int seed = 4)
    {
        const int steps = 2000;
        Func<int, double>[] schedules =
        [
            _ => 1.0,
            t => 0.1 + (0.45 * (1.0 + Math.Cos(Math.PI * t / steps))),
            t => t < 0.8 * steps ? 1.0 : 1.0 - (0.9 * (t - (0.8 * steps)) / (0.2 * steps)),
        ];
        var s1 = new List<double>();
        var s2 = new List<double>();
        foreach (var schedule in schedules)
        {
            var (forward, annealing) = Areas(schedule, steps);
            for (var t = 100; t <= steps; t += 100)
            {
                s1.Add(forward[t]);
                s2.Add(annealing[t]);
            }
        }

        return Generate(new AnnealingLaw(), AnnealingTruth, ["S1", "S2"], [s1.ToArray(), s2.ToArray()], relativeNoise, seed);
    }

    /// <summary>Tissue et al.'s areas: <c>S1(s) = Σ_{i≤s} η_i</c>, <c>m_i = λ·m_{i−1} + (η_{i−1} − η_i)</c>, <c>S2(s) = Σ_{i≤s} m_i</c>.</summary>
    public static (double[] Forward, double[] Annealing) Areas(Func<int, double> learningRate, int steps)
    {
        var forward = new double[steps + 1];
        var annealing = new double[steps + 1];
        var momentum = 0.0;
        for (var i = 1; i <= steps; i++)
        {
            momentum = (AnnealingMomentum * momentum) + (learningRate(i - 1) - learningRate(i));
            forward[i] = forward[i - 1] + learningRate(i);
            annealing[i] = annealing[i - 1] + momentum;
        }

        return (forward, annealing);
    }
}
