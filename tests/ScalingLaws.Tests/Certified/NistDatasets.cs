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

    /// <summary>The predictor 1, 2, …, <paramref name="count"/> (NIST's x for the Gauss and ENSO data sets).</summary>
    private static double[] OneTo(int count) => [.. Enumerable.Range(1, count).Select(i => (double)i)];
}
