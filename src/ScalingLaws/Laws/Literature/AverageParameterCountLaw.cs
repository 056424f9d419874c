using System.Globalization;
using ScalingLaws.Internal;

namespace ScalingLaws;

/// <summary>
/// The sparse pre-training law of Jin et al. (2025): the Chinchilla law in the average parameter count over training,
/// <c>L(N_avg, D) = E + A/N_avg^alpha + B/D^beta</c>, which puts sparse (pruned during training) and dense models on one
/// curve; with helpers that compute N_avg from a pruning schedule.
/// </summary>
/// <remarks>
/// <para>Parameters, in order: <c>E</c>, <c>A</c>, <c>alpha</c>, <c>B</c>, <c>beta</c>, as in <see cref="ChinchillaLaw"/>
/// (E, A, B positive and fitted as logs; exponents ≥ 0). Inputs: <c>Navg</c> (average parameter count over training,
/// positive) and <c>D</c> (training tokens, positive). For a dense model N_avg = N.</para>
/// <para>Reference: T. Jin et al., "The Journey Matters: Average Parameter Count over Pre-training Unifies Sparse and Dense
/// Scaling Laws", ICLR 2025, which finds pruning from 25% to 75% of training compute near-optimal. The pruning schedule
/// helpers follow the gradual (cubic) schedule of Zhu and Gupta (2017, "To prune, or not to prune"): sparsity
/// <c>s(t) = s_f·(1 − (1 − (t − t0)/(t1 − t0))³)</c> between t0 and t1.</para>
/// <para>E, A and B enter linearly; the default search is the same as <see cref="ChinchillaLaw"/>'s: a 30 × 30 grid of
/// (alpha, beta) in [0.05, 1.5]² with E, A and B by non-negative least squares.</para>
/// </remarks>
public sealed class AverageParameterCountLaw : ScalingLaw
{
    private static readonly ChinchillaLaw Chinchilla = new();

    /// <summary>Creates the law with inputs named <c>Navg</c> and <c>D</c>.</summary>
    public AverageParameterCountLaw()
        : base("average-parameter-count", "L(Navg, D) = E + A/Navg^alpha + B/D^beta",
            [
                new LawParameter("E", "irreducible loss", ParameterScale.Log, 0.0, double.PositiveInfinity),
                new LawParameter("A", "scale of the parameter term", ParameterScale.Log, 0.0, double.PositiveInfinity),
                new LawParameter("alpha", "exponent of the average parameter count", ParameterScale.Linear, 0.0, double.PositiveInfinity),
                new LawParameter("B", "scale of the data term", ParameterScale.Log, 0.0, double.PositiveInfinity),
                new LawParameter("beta", "exponent of the token count", ParameterScale.Linear, 0.0, double.PositiveInfinity),
            ],
            [
                new LawInput("Navg", "average (non-zero) parameter count over training"),
                new LawInput("D", "training tokens"),
            ])
    {
    }

    /// <inheritdoc/>
    public override IReadOnlyList<int> LinearParameterIndices { get; } = [0, 1, 3];

    /// <summary>
    /// Computes the average parameter count of a run pruned with the cubic schedule: dense until <paramref name="pruningStart"/>,
    /// sparsity rising as <c>s_f·(1 − (1 − τ)³)</c> until <paramref name="pruningEnd"/>, then sparse at
    /// <paramref name="finalSparsity"/>. Closed form: the average density during pruning is <c>1 − 3·s_f/4</c>.
    /// </summary>
    /// <param name="denseParameters">Parameter count of the dense model; positive and finite.</param>
    /// <param name="finalSparsity">Fraction of parameters removed at the end, in [0, 1).</param>
    /// <param name="pruningStart">Start of pruning as a fraction of training (tokens or steps), in [0, 1].</param>
    /// <param name="pruningEnd">End of pruning as a fraction of training, in [<paramref name="pruningStart"/>, 1].</param>
    /// <returns><c>N·(t0 + (t1 − t0)·(1 − 3·s_f/4) + (1 − t1)·(1 − s_f))</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
    public static double AverageParameterCountForCubicPruning(double denseParameters, double finalSparsity,
        double pruningStart, double pruningEnd)
    {
        if (!(double.IsFinite(denseParameters) && denseParameters > 0.0))
        {
            throw new ArgumentOutOfRangeException(nameof(denseParameters), denseParameters, "The dense parameter count must be positive and finite.");
        }

        if (!(finalSparsity >= 0.0 && finalSparsity < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(finalSparsity), finalSparsity, "The final sparsity must lie in [0, 1).");
        }

        if (!(pruningStart >= 0.0 && pruningStart <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(pruningStart), pruningStart, "The start of pruning must lie in [0, 1].");
        }

        if (!(pruningEnd >= pruningStart && pruningEnd <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(pruningEnd), pruningEnd,
                string.Create(CultureInfo.InvariantCulture, $"The end of pruning must lie in [{pruningStart}, 1]."));
        }

        var density = pruningStart + ((pruningEnd - pruningStart) * (1.0 - (0.75 * finalSparsity))) + ((1.0 - pruningEnd) * (1.0 - finalSparsity));
        return denseParameters * density;
    }

    /// <summary>
    /// Computes the average parameter count of any schedule given as (tokens, parameter count) points, by the trapezoidal rule
    /// on the piecewise-linear schedule through them: <c>N_avg = (1/(t_last − t_0))·∫ N(t) dt</c>.
    /// </summary>
    /// <param name="tokens">Training progress at each point (tokens or steps), strictly increasing, at least two points.</param>
    /// <param name="parameterCounts">Non-zero parameter count at each point; positive and finite.</param>
    /// <returns>The average parameter count over the schedule.</returns>
    /// <exception cref="ArgumentException">The spans differ in length, have fewer than two points, the progress does not
    /// increase strictly, or a count is not positive and finite.</exception>
    public static double AverageParameterCount(ReadOnlySpan<double> tokens, ReadOnlySpan<double> parameterCounts)
    {
        if (tokens.Length != parameterCounts.Length)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"tokens and parameterCounts differ in length: {tokens.Length} and {parameterCounts.Length}."), nameof(parameterCounts));
        }

        if (tokens.Length < 2)
        {
            throw new ArgumentException("A schedule needs at least two points.", nameof(tokens));
        }

        var integral = 0.0;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!(double.IsFinite(parameterCounts[i]) && parameterCounts[i] > 0.0))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"parameterCounts[{i}] = {parameterCounts[i]} is not positive and finite."), nameof(parameterCounts));
            }

            if (!double.IsFinite(tokens[i]) || (i > 0 && !(tokens[i] > tokens[i - 1])))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"tokens[{i}] = {tokens[i]} is not finite or does not exceed the previous point; progress must increase strictly."), nameof(tokens));
            }

            if (i > 0)
            {
                integral += 0.5 * (parameterCounts[i] + parameterCounts[i - 1]) * (tokens[i] - tokens[i - 1]);
            }
        }

        return integral / (tokens[^1] - tokens[0]);
    }

    /// <inheritdoc/>
    /// <remarks>The same function as <see cref="ChinchillaLaw"/> with N_avg in place of N, so it is evaluated by it.</remarks>
    public override void Evaluate(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> values, Span<double> jacobian)
        => Chinchilla.Evaluate(parameters, inputs, values, jacobian);

    /// <inheritdoc/>
    public override void EvaluateBasis(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> basis)
        => Chinchilla.EvaluateBasis(parameters, inputs, basis);

    /// <inheritdoc/>
    public override IReadOnlyList<double[]> GetNonlinearSearchGrid() => Chinchilla.GetNonlinearSearchGrid();

    /// <inheritdoc/>
    public override IReadOnlyList<double[]> GetDefaultStarts(LawInputs inputs, ReadOnlySpan<double> target)
        => [[.. ChinchillaLaw.HoffmannParameters]];
}
