using System.Globalization;

namespace ScalingLaws;

/// <summary>Describes one parameter of a <see cref="ScalingLaw"/>: its name, meaning, internal scale and default bounds.</summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class LawParameter
{
    /// <summary>Creates a parameter description.</summary>
    /// <param name="name">The parameter's name as written in the formula (for example <c>alpha</c>).</param>
    /// <param name="description">What the parameter means, in a few words.</param>
    /// <param name="scale">How the fitter represents the parameter internally.</param>
    /// <param name="lowerBound">Default lower bound; <see cref="double.NegativeInfinity"/> for none.</param>
    /// <param name="upperBound">Default upper bound; <see cref="double.PositiveInfinity"/> for none.</param>
    /// <exception cref="ArgumentException">The name is empty, a bound is NaN, the lower bound exceeds the upper one,
    /// or a log-scaled parameter has an upper bound that is not positive.</exception>
    public LawParameter(string name, string description, ParameterScale scale = ParameterScale.Linear,
        double lowerBound = double.NegativeInfinity, double upperBound = double.PositiveInfinity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(description);
        if (double.IsNaN(lowerBound) || double.IsNaN(upperBound) || lowerBound > upperBound)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Bounds of parameter '{name}' are invalid: lower {lowerBound} must not be NaN or exceed upper {upperBound}."), nameof(lowerBound));
        }

        if (scale == ParameterScale.Log && !(upperBound > 0.0))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Parameter '{name}' is log-scaled, so its upper bound {upperBound} must be positive."), nameof(upperBound));
        }

        Name = name;
        Description = description;
        Scale = scale;
        LowerBound = lowerBound;
        UpperBound = upperBound;
    }

    /// <summary>Gets the parameter's name as written in the formula.</summary>
    public string Name { get; }

    /// <summary>Gets what the parameter means.</summary>
    public string Description { get; }

    /// <summary>Gets how the fitter represents the parameter internally.</summary>
    public ParameterScale Scale { get; }

    /// <summary>Gets the default lower bound (<see cref="double.NegativeInfinity"/> for none).</summary>
    public double LowerBound { get; }

    /// <summary>Gets the default upper bound (<see cref="double.PositiveInfinity"/> for none).</summary>
    public double UpperBound { get; }

    /// <summary>Returns the name, meaning and bounds in the invariant culture.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name}: {Description} [{LowerBound}, {UpperBound}]{(Scale == ParameterScale.Log ? " (fitted as log)" : string.Empty)}");
}
