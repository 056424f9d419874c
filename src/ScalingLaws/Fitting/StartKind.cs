namespace ScalingLaws;

/// <summary>Where the fitter's starting points come from.</summary>
public enum StartKind
{
    /// <summary>The law's default starts plus, for laws with linear parameters, the variable-projection grid search.</summary>
    Default = 0,

    /// <summary>An explicit list of starting points.</summary>
    Points = 1,

    /// <summary>The Cartesian product of per-parameter value lists.</summary>
    Grid = 2,
}
