namespace ScalingLaws;

/// <summary>The law of a <see cref="FitReport"/>: its registry name, formula, inputs and parameter order.</summary>
public sealed record FitReportLaw
{
    /// <summary>Gets the law's short name (<see cref="ScalingLaw.Name"/>, as used by <see cref="LawRegistry"/>).</summary>
    public required string Name { get; init; }

    /// <summary>Gets the formula in plain text.</summary>
    public required string Formula { get; init; }

    /// <summary>Gets the input names, in the law's order.</summary>
    public required IReadOnlyList<string> Inputs { get; init; }

    /// <summary>Gets the parameter names, in the law's order.</summary>
    public required IReadOnlyList<string> ParameterNames { get; init; }

    /// <summary>Gets a value indicating whether the law supplies an analytic Jacobian (otherwise finite differences were used).</summary>
    public required bool HasAnalyticJacobian { get; init; }
}
