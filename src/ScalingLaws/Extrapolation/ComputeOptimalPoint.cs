using System.Globalization;

namespace ScalingLaws;

/// <summary>
/// A compute-optimal allocation: for a compute budget, the parameter count and token count that minimise a
/// Chinchilla-style loss under <c>C = k·N·D</c>, and the loss reached there.
/// </summary>
/// <param name="ComputeFlops">The compute budget C in FLOPs; <see cref="double.PositiveInfinity"/> when a target loss cannot be reached.</param>
/// <param name="ParameterCount">The optimal parameter count N_opt.</param>
/// <param name="TokenCount">The optimal number of training tokens D_opt.</param>
/// <param name="Loss">The loss at the optimum, L_opt (for an unreachable target, the target itself).</param>
public readonly record struct ComputeOptimalPoint(double ComputeFlops, double ParameterCount, double TokenCount, double Loss)
{
    /// <summary>Gets the number of training tokens per parameter, <c>D_opt/N_opt</c> (NaN when unreachable).</summary>
    public double TokensPerParameter => IsReachable ? TokenCount / ParameterCount : double.NaN;

    /// <summary>Gets a value indicating whether the point needs finite compute (false for a target loss at or below the
    /// irreducible loss E, which no finite compute reaches).</summary>
    public bool IsReachable => double.IsFinite(ComputeFlops);

    /// <summary>Returns the allocation in the invariant culture.</summary>
    /// <returns>For example <c>C = 5.76E+23 FLOPs: N = 6.9E+10, D = 1.4E+12 (20.1 tokens/parameter), loss 1.94</c>.</returns>
    public override string ToString() => IsReachable
        ? string.Create(CultureInfo.InvariantCulture,
            $"C = {ComputeFlops:G4} FLOPs: N = {ParameterCount:G4}, D = {TokenCount:G4} ({TokensPerParameter:G4} tokens/parameter), loss {Loss:G6}")
        : string.Create(CultureInfo.InvariantCulture,
            $"loss {Loss:G6} is not reachable with finite compute (it is at or below the irreducible loss)");
}
