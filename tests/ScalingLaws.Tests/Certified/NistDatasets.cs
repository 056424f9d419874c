namespace ScalingLaws.Tests.Certified;

/// <summary>The NIST StRD nonlinear regression datasets, one partial file per dataset.</summary>
internal static partial class NistDatasets
{
    /// <summary>Gets every dataset, in NIST's order (lower, average, higher difficulty).</summary>
    public static IReadOnlyList<NistDataset> All =>
    [
        Misra1a, Chwirut2, Chwirut1, Lanczos3, Gauss1, Gauss2, DanWood, Misra1b,
        Kirby2, Hahn1, Nelson, MGH17, Lanczos1, Lanczos2, Gauss3, Misra1c, Misra1d, Roszman1, ENSO,
        MGH09, Thurber, BoxBOD, Rat42, MGH10, Eckerle4, Rat43, Bennett5,
    ];

    /// <summary>Finds a dataset by name.</summary>
    /// <param name="name">The NIST name, for example <c>Misra1a</c>.</param>
    /// <returns>The dataset.</returns>
    public static NistDataset Get(string name) =>
        All.SingleOrDefault(d => d.Name == name) ?? throw new ArgumentException($"No NIST dataset named '{name}'.", nameof(name));

    private static double Square(double value) => value * value;

    /// <summary>The model of Gauss1–3: <c>b1·exp(−b2·x) + b3·exp(−((x − b4)/b5)²) + b6·exp(−((x − b7)/b8)²)</c>.</summary>
    private static double GaussValue(ReadOnlySpan<double> p, ReadOnlySpan<double> x)
        => (p[0] * Math.Exp(-p[1] * x[0])) + (p[2] * Math.Exp(-Square((x[0] - p[3]) / p[4]))) + (p[5] * Math.Exp(-Square((x[0] - p[6]) / p[7])));

    /// <summary>The analytic gradient of <see cref="GaussValue"/>.</summary>
    private static void GaussGradient(ReadOnlySpan<double> p, ReadOnlySpan<double> x, Span<double> g)
    {
        var t = x[0];
        var decay = Math.Exp(-p[1] * t);
        g[0] = decay;
        g[1] = -p[0] * t * decay;
        for (var k = 2; k < 8; k += 3)
        {
            var z = (t - p[k + 1]) / p[k + 2];
            var peak = Math.Exp(-z * z);
            g[k] = peak;
            g[k + 1] = 2.0 * p[k] * peak * z / p[k + 2];
            g[k + 2] = 2.0 * p[k] * peak * z * z / p[k + 2];
        }
    }

    /// <summary>The predictor 1, 2, …, <paramref name="count"/> (NIST's x for the Gauss and ENSO data sets).</summary>
    private static double[] OneTo(int count) => [.. Enumerable.Range(1, count).Select(i => (double)i)];
}
