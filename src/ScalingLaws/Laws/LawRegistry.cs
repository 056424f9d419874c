using System.Diagnostics.CodeAnalysis;

namespace ScalingLaws;

/// <summary>
/// The built-in laws by name: <see cref="Create"/> turns a short name such as <c>chinchilla</c> or <c>bnsl-1</c> into a new
/// law instance. Used by the command-line tool's <c>laws</c> command and by anything that reads a law name from
/// configuration.
/// </summary>
/// <remarks>
/// <para>Names are matched ignoring case. Each name is the <see cref="ScalingLaw.Name"/> of the law it creates. Laws that
/// take constructor arguments are registered with their defaults (for example the NMT law with reference sizes 1e8); create
/// them directly for other settings. <see cref="CustomLaw"/> is not registered: it needs delegates.</para>
/// </remarks>
/// <example><code>
/// foreach (var name in LawRegistry.Names)
/// {
///     Console.WriteLine(LawRegistry.Create(name));   // "chinchilla: L(N, D) = E + A/N^alpha + B/D^beta", ...
/// }
/// </code></example>
public static class LawRegistry
{
    private static readonly KeyValuePair<string, Func<ScalingLaw>>[] Factories =
    [
        Entry("power-law", () => new PowerLaw()),
        Entry("power-law-plus-constant", () => new SaturatingPowerLaw()),
        Entry("chinchilla", () => new ChinchillaLaw()),
        Entry("lr-annealing", () => new AnnealingLaw()),
        Entry("kaplan-nd", () => new KaplanParameterDataLaw()),
        Entry("kaplan-ns", () => new KaplanParameterStepsLaw()),
        Entry("bnsl-1", () => new BrokenNeuralScalingLaw(1)),
        Entry("bnsl-2", () => new BrokenNeuralScalingLaw(2)),
        Entry("bnsl-3", () => new BrokenNeuralScalingLaw(3)),
        Entry("over-training", () => new OverTrainingLaw()),
        Entry("data-constrained", () => new DataConstrainedLaw()),
        Entry("data-constrained-un", () => new DataConstrainedLaw(UniqueParameterSource.Column)),
        Entry("downstream-error", () => new DownstreamErrorLaw()),
        Entry("nmt-encoder-decoder", () => new NmtEncoderDecoderLaw()),
        Entry("parallel-scaling", () => new ParallelScalingLaw()),
        Entry("repeated-sampling", () => new RepeatedSamplingLaw()),
        Entry("m1", () => new AlabdulmohsinM1Law()),
        Entry("m2", () => new AlabdulmohsinM2Law()),
        Entry("m3", () => new AlabdulmohsinM3Law()),
        Entry("m4", () => new AlabdulmohsinM4Law()),
        Entry("vocabulary", () => new VocabularyLaw()),
        Entry("step-law-learning-rate", () => new StepLawLearningRate()),
        Entry("step-law-batch-size", () => new StepLawBatchSize()),
        Entry("fp-quantization", () => new FloatingPointQuantizationLaw()),
        Entry("average-parameter-count", () => new AverageParameterCountLaw()),
    ];

    private static readonly Dictionary<string, Func<ScalingLaw>> ByName =
        new(Factories, StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the registered names, in a stable order (core laws first, then the literature laws).</summary>
    public static IReadOnlyList<string> Names { get; } = Factories.Select(f => f.Key).ToArray();

    /// <summary>Returns whether a law is registered under the given name (ignoring case).</summary>
    /// <param name="name">The law's short name.</param>
    /// <returns><see langword="true"/> when <see cref="Create"/> would succeed.</returns>
    public static bool Contains(string name) => name is not null && ByName.ContainsKey(name);

    /// <summary>Creates a new instance of the law registered under the given name.</summary>
    /// <param name="name">The law's short name (for example <c>chinchilla</c>), ignoring case.</param>
    /// <returns>A new law.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">No law has that name; the message lists the known names.</exception>
    public static ScalingLaw Create(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!ByName.TryGetValue(name, out var factory))
        {
            throw new ArgumentException(
                $"No built-in law is named '{name}'. Known laws: {string.Join(", ", Names)}.", nameof(name));
        }

        return factory();
    }

    /// <summary>Creates the law registered under the given name, if there is one.</summary>
    /// <param name="name">The law's short name, ignoring case.</param>
    /// <param name="law">Receives a new law, or <see langword="null"/> when no law has that name.</param>
    /// <returns><see langword="true"/> when a law was created.</returns>
    public static bool TryCreate(string name, [NotNullWhen(true)] out ScalingLaw? law)
    {
        law = null;
        if (name is null || !ByName.TryGetValue(name, out var factory))
        {
            return false;
        }

        law = factory();
        return true;
    }

    private static KeyValuePair<string, Func<ScalingLaw>> Entry(string name, Func<ScalingLaw> factory) => new(name, factory);
}
