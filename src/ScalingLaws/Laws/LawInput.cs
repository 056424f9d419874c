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

    /// <summary>Gets the domain as a phrase for error messages: "positive and finite", "non-negative and finite" or "finite".</summary>
    internal string DomainRule => Domain switch
    {
        InputDomain.Positive => "positive and finite",
        InputDomain.NonNegative => "non-negative and finite",
        _ => "finite",
    };

    /// <summary>Returns whether the law accepts <paramref name="value"/> for this input.</summary>
    /// <param name="value">The candidate value.</param>
    /// <returns><see langword="true"/> when the value lies in <see cref="Domain"/>.</returns>
    internal bool Accepts(double value) => Domain switch
    {
        InputDomain.Positive => double.IsFinite(value) && value > 0.0,
        InputDomain.NonNegative => double.IsFinite(value) && value >= 0.0,
        _ => double.IsFinite(value),
    };

    /// <summary>Returns the name and description.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => $"{Name}: {Description} ({Domain})";
}
