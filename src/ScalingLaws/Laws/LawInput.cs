namespace ScalingLaws;

/// <summary>Describes one input variable of a <see cref="ScalingLaw"/> (for example the parameter count N).</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class LawInput
{
    /// <summary>Creates an input description.</summary>
    /// <param name="name">The input's name, which is also the column name the fitter looks for in <see cref="Observations"/>.</param>
    /// <param name="description">What the input is, with units.</param>
    /// <param name="domain">Which values the law accepts.</param>
    public LawInput(string name, string description, InputDomain domain = InputDomain.Positive)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(description);
        Name = name;
        Description = description;
        Domain = domain;
    }

    /// <summary>Gets the input's name (the column name looked up in <see cref="Observations"/>).</summary>
    public string Name { get; }

    /// <summary>Gets what the input is, with units.</summary>
    public string Description { get; }

    /// <summary>Gets which values the law accepts.</summary>
    public InputDomain Domain { get; }

    /// <summary>Returns the name and description.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => $"{Name}: {Description} ({Domain})";
}
