using CsCheck;
using ScalingLaws.Tests.Core;

namespace ScalingLaws.Tests.Reliability;

/// <summary>A core law with a fixed design (input columns) and a generator of parameters within its documented ranges.</summary>
/// <param name="Name">The law's <see cref="ScalingLaw.Name"/>.</param>
/// <param name="Create">Creates an instance (laws are immutable, so an instance may also be shared).</param>
/// <param name="ColumnNames">The input column names.</param>
/// <param name="Columns">The design: one array per input.</param>
/// <param name="ParametersWith">Random natural parameter vectors, given a generator of the exponents.</param>
internal sealed record CoreLaw(string Name, Func<ScalingLaw> Create, string[] ColumnNames, double[][] Columns, Func<Gen<double>, Gen<double[]>> ParametersWith)
{
    /// <summary>Gets random parameters with exponents over the full range, 0.02 to 2.</summary>
    public Gen<double[]> Parameters => ParametersWith(CoreLaws.Exponent);

    /// <summary>Gets random parameters with exponents from 0.1 to 2, where 1% noise still identifies every parameter well
    /// enough for Wald intervals (below 0.1 an exponent trades off against the constant and the intervals are unreliable).</summary>
    public Gen<double[]> WellIdentifiedParameters => ParametersWith(CoreLaws.WellIdentifiedExponent);

    /// <summary>Evaluates the law at the design and multiplies by <c>1 + noise·z</c>, z standard normal from <paramref name="seed"/>.</summary>
    public Observations Generate(double[] parameters, double relativeNoise, int seed)
        => SyntheticData.Generate(Create(), parameters, ColumnNames, Columns, relativeNoise, seed);
}

/// <summary>The four core laws with the parameter ranges their documentation gives.</summary>
internal static class CoreLaws
{
    /// <summary>Exponents of reducible terms: the range 0.02 to 2 (the laws allow any non-negative value).</summary>
    public static readonly Gen<double> Exponent = Gen.Double[0.02, 2.0];

    /// <summary>Exponents large enough for 1% noise to identify them (see <see cref="CoreLaw.WellIdentifiedParameters"/>).</summary>
    public static readonly Gen<double> WellIdentifiedExponent = Gen.Double[0.1, 2.0];

    private static readonly double[] X = SyntheticData.LogSpace(1e6, 1e10, 30);
    private static readonly double[][] AnnealingColumns = AnnealingDesign();
    private static readonly double[][] ChinchillaColumns = ChinchillaGrid();

    /// <summary>Gets the laws.</summary>
    public static IReadOnlyList<CoreLaw> All { get; } =
    [
        // y = A·x^(−alpha): A > 0 over nine decades, alpha of either sign (growth or decay).
        new("power-law", () => new PowerLaw(), ["x"], [X],
            _ => Gen.Select(Gen.Double[-4.0, 5.0], Gen.Double[-1.0, 2.0], (log10A, alpha) => new[] { Math.Pow(10.0, log10A), alpha })),

        // y = E + A·x^(−alpha): E ≥ 0; A set so that the reducible term at the smallest x is 0.2 to 20 (otherwise E and the
        // term are not separable by any data on this design).
        new("power-law-plus-constant", () => new SaturatingPowerLaw(), ["x"], [X],
            exponent => Gen.Select(Gen.Double[0.0, 5.0], Gen.Double[-0.7, 1.3], exponent,
                (e, log10Start, alpha) => new[] { e, Math.Pow(10.0, log10Start) * Math.Pow(X[0], alpha), alpha })),

        // L = E + A/N^alpha + B/D^beta on an 8 × 8 grid of N in 1e7–1e10 and D in 1e9–1e12.
        new("chinchilla", () => new ChinchillaLaw(), ["N", "D"], ChinchillaColumns,
            exponent => Gen.Select(Gen.Double[0.5, 3.0], Gen.Double[-0.7, 0.7], exponent, Gen.Double[-0.7, 0.7], exponent,
                (e, log10A, alpha, log10B, beta) => new[] { e, Math.Pow(10.0, log10A) * Math.Pow(1e7, alpha), alpha, Math.Pow(10.0, log10B) * Math.Pow(1e9, beta), beta })),

        // L = L0 + A·S1^(−alpha) − C·S2 on three 2000-step schedules; C set so that the annealing drop is 2% to 50% of L0.
        new("lr-annealing", () => new AnnealingLaw(), ["S1", "S2"], AnnealingColumns,
            exponent => Gen.Select(Gen.Double[1.0, 4.0], Gen.Double[-0.7, 0.7], exponent, Gen.Double[0.02, 0.5],
                (l0, log10A, alpha, drop) => new[] { l0, Math.Pow(10.0, log10A) * Math.Pow(10.0, alpha), alpha, drop * l0 / AnnealingColumns[1].Max() })),
    ];

    /// <summary>Gets a law by name.</summary>
    public static CoreLaw Get(string name) => All.Single(l => l.Name == name);

    /// <summary>S1 and S2 at 20 log-spaced checkpoints from step 10 to 2000 of a constant, a cosine (to 10%) and a
    /// warmup-stable-decay schedule (linear decay over the last 20%): S1 spans 2.3 decades, so A and alpha are separable.</summary>
    private static double[][] AnnealingDesign()
    {
        const int steps = 2000;
        Func<int, double>[] schedules =
        [
            _ => 1.0,
            t => 0.1 + (0.45 * (1.0 + Math.Cos(Math.PI * t / steps))),
            t => t < 0.8 * steps ? 1.0 : 1.0 - (0.9 * (t - (0.8 * steps)) / (0.2 * steps)),
        ];
        var checkpoints = SyntheticData.LogSpace(10.0, steps, 20).Select(t => (int)Math.Round(t)).Distinct().ToArray();
        var s1 = new List<double>();
        var s2 = new List<double>();
        foreach (var schedule in schedules)
        {
            var (forward, annealing) = SyntheticData.Areas(schedule, steps);
            s1.AddRange(checkpoints.Select(t => forward[t]));
            s2.AddRange(checkpoints.Select(t => annealing[t]));
        }

        return [s1.ToArray(), s2.ToArray()];
    }

    private static double[][] ChinchillaGrid()
    {
        var ns = SyntheticData.LogSpace(1e7, 1e10, 8);
        var ds = SyntheticData.LogSpace(1e9, 1e12, 8);
        return [ns.SelectMany(v => ds.Select(_ => v)).ToArray(), ns.SelectMany(_ => ds).ToArray()];
    }
}
