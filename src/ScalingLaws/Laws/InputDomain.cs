namespace ScalingLaws;

/// <summary>The set of values an input of a law accepts.</summary>
public enum InputDomain
{
    /// <summary>Any finite value.</summary>
    Finite = 0,

    /// <summary>Finite and strictly positive (for example a parameter count raised to a power).</summary>
    Positive = 1,

    /// <summary>Finite and zero or positive.</summary>
    NonNegative = 2,
}
