using System.Globalization;
using System.Text;

namespace ScalingLaws;

/// <summary>
/// A compute-optimal allocation with intervals: for a compute budget (or a target loss), N_opt, D_opt, tokens per parameter,
/// L_opt and the compute, each with an interval, and the allocation exponents a and b with theirs.
/// </summary>
/// <remarks>
/// <para>For a budget (<see cref="ComputeOptimalAllocation.Estimate(double)"/>) the compute interval is the budget itself;
/// for a target loss (<see cref="ComputeOptimalAllocation.EstimateForLoss(double)"/>) the loss interval is the target itself
/// and the compute interval says how uncertain the required compute is (its upper end is infinite when enough draws put
/// E at or above the target).</para>
/// <para>Interval ends are NaN when no interval could be computed (<see cref="Source"/> is <see cref="IntervalSource.None"/>).</para>
/// </remarks>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class ComputeOptimalEstimate
{
    internal ComputeOptimalEstimate(ComputeOptimalPoint point, double parameterCountExponent, double tokenCountExponent,
        ParameterInterval computeFlops, ParameterInterval parameterCount, ParameterInterval tokenCount, ParameterInterval tokensPerParameter,
        ParameterInterval loss, ParameterInterval parameterCountExponentInterval, ParameterInterval tokenCountExponentInterval,
        double confidenceLevel, IntervalSource source, int sampleCount, int unreachableSampleCount)
    {
        Point = point;
        ParameterCountExponent = parameterCountExponent;
        TokenCountExponent = tokenCountExponent;
        ComputeFlopsInterval = computeFlops;
        ParameterCountInterval = parameterCount;
        TokenCountInterval = tokenCount;
        TokensPerParameterInterval = tokensPerParameter;
        LossInterval = loss;
        ParameterCountExponentInterval = parameterCountExponentInterval;
        TokenCountExponentInterval = tokenCountExponentInterval;
        ConfidenceLevel = confidenceLevel;
        Source = source;
        SampleCount = sampleCount;
        UnreachableSampleCount = unreachableSampleCount;
    }

    /// <summary>Gets the allocation at the point parameters.</summary>
    public ComputeOptimalPoint Point { get; }

    /// <summary>Gets the exponent a of <c>N_opt ∝ C^a</c> at the point parameters.</summary>
    public double ParameterCountExponent { get; }

    /// <summary>Gets the exponent b of <c>D_opt ∝ C^b</c> at the point parameters.</summary>
    public double TokenCountExponent { get; }

    /// <summary>Gets the interval of the compute in FLOPs (the budget itself when a budget was given).</summary>
    public ParameterInterval ComputeFlopsInterval { get; }

    /// <summary>Gets the interval of N_opt.</summary>
    public ParameterInterval ParameterCountInterval { get; }

    /// <summary>Gets the interval of D_opt.</summary>
    public ParameterInterval TokenCountInterval { get; }

    /// <summary>Gets the interval of D_opt/N_opt.</summary>
    public ParameterInterval TokensPerParameterInterval { get; }

    /// <summary>Gets the interval of L_opt (the target itself when a target loss was given).</summary>
    public ParameterInterval LossInterval { get; }

    /// <summary>Gets the interval of the exponent a.</summary>
    public ParameterInterval ParameterCountExponentInterval { get; }

    /// <summary>Gets the interval of the exponent b.</summary>
    public ParameterInterval TokenCountExponentInterval { get; }

    /// <summary>Gets the nominal coverage of the intervals.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>Gets where the intervals come from.</summary>
    public IntervalSource Source { get; }

    /// <summary>Gets the number of parameter draws that gave a valid allocation (0 for the delta method).</summary>
    public int SampleCount { get; }

    /// <summary>Gets, for a target loss, the number of draws whose irreducible loss E is at or above the target (they need
    /// infinite compute); 0 otherwise.</summary>
    public int UnreachableSampleCount { get; }

    /// <summary>Returns the allocation with its intervals, one quantity per line, in the invariant culture.</summary>
    /// <returns>The summary.</returns>
    public override string ToString()
    {
        var ci = CultureInfo.InvariantCulture;
        var source = Source switch
        {
            IntervalSource.DeltaMethod => "delta method",
            IntervalSource.ParameterDraws => string.Create(ci, $"percentiles of {SampleCount} draws"),
            _ => "no intervals",
        };
        var sb = new StringBuilder();
        sb.Append(ci, $"compute-optimal allocation ({ConfidenceLevel * 100:G6}% intervals, {source})").AppendLine();
        if (!Point.IsReachable)
        {
            sb.Append(ci, $"  target loss {Point.Loss:G6} is at or below the irreducible loss E: no finite compute reaches it").AppendLine();
        }

        sb.Append(ci, $"  compute C          {Point.ComputeFlops,12:G5}  {ComputeFlopsInterval}").AppendLine();
        sb.Append(ci, $"  parameters N_opt   {Point.ParameterCount,12:G5}  {ParameterCountInterval}").AppendLine();
        sb.Append(ci, $"  tokens D_opt       {Point.TokenCount,12:G5}  {TokenCountInterval}").AppendLine();
        sb.Append(ci, $"  tokens/parameter   {Point.TokensPerParameter,12:G5}  {TokensPerParameterInterval}").AppendLine();
        sb.Append(ci, $"  loss L_opt         {Point.Loss,12:G6}  {LossInterval}").AppendLine();
        sb.Append(ci, $"  exponent a (N)     {ParameterCountExponent,12:G5}  {ParameterCountExponentInterval}").AppendLine();
        sb.Append(ci, $"  exponent b (D)     {TokenCountExponent,12:G5}  {TokenCountExponentInterval}");
        if (UnreachableSampleCount > 0)
        {
            sb.AppendLine().Append(ci, $"  {UnreachableSampleCount} of {SampleCount} draws cannot reach the target (E at or above it)");
        }

        return sb.ToString();
    }
}
