using ScalingLaws.Internal;

namespace ScalingLaws;

/// <summary>
/// The data-constrained scaling law of Muennighoff et al. (2023): a Chinchilla law <c>L = E + A/N'^alpha + B/D'^beta</c> in
/// the effective data <c>D' = U_D + U_D·R_D*·(1 − exp(−R_D/R_D*))</c> and effective parameters
/// <c>N' = U_N + U_N·R_N*·(1 − exp(−R_N/R_N*))</c>, where repeated tokens and excess parameters are worth less and less.
/// </summary>
/// <remarks>
/// <para>Parameters, in order: <c>E</c>, <c>A</c>, <c>alpha</c>, <c>B</c>, <c>beta</c> (as in <see cref="ChinchillaLaw"/>;
/// E, A, B positive and fitted as logs), <c>RDstar</c> (R_D*, the number of repetitions at which repeated data has lost
/// 1 − 1/e of its value; positive, fitted as a log), <c>RNstar</c> (R_N*, the same for excess parameters).</para>
/// <para>Inputs: <c>N</c> (parameters), <c>D</c> (total training tokens), <c>UD</c> (unique tokens, at most D) and, with
/// <see cref="UniqueParameterSource.Column"/>, <c>UN</c> (unique parameters, at most N). Repetitions are
/// <c>R_D = max(D/U_D − 1, 0)</c> and <c>R_N = max(N/U_N − 1, 0)</c>. With
/// <see cref="UniqueParameterSource.ComputeOptimal"/> (the default) <c>U_N = min(N, N_opt(U_D))</c> with
/// <c>N_opt(U) = (alpha·A/(beta·B))^(1/alpha)·U^(beta/alpha)</c>, the Chinchilla compute-optimal size for U tokens, so U_N
/// depends on the parameters (the Jacobian includes that dependence; it has a kink where N = N_opt(U_D)).</para>
/// <para>Reference: N. Muennighoff et al., "Scaling Data-Constrained Language Models", NeurIPS 2023, arXiv:2305.16264;
/// formula and the published C4 fit checked against the authors' repository (huggingface/datablations,
/// README "Parametric Fit": log A 6.255414, log B 7.3049974, log E 0.6254804, alpha = beta = 0.3526596, R_D* 15.387756,
/// R_N* 5.309743).</para>
/// <para>The authors first fit E, A, alpha, B, beta on single-epoch runs and then R_D*, R_N* with those held fixed; do the same
/// with <see cref="FitOptions.FixedParameters"/>. Default starts: the published parameters, plus a grid over (alpha, beta,
/// R_D*, R_N*) with E, A and B solved by non-negative least squares (for <see cref="UniqueParameterSource.ComputeOptimal"/>
/// U_N is updated once from the solved A and B).</para>
/// </remarks>
public sealed class DataConstrainedLaw : ScalingLaw
{
    private static readonly double[] ExponentGrid = [0.1, 0.2, 0.3, 0.4, 0.55, 0.75];
    private static readonly double[] RepetitionGrid = [1.0, 3.0, 8.0, 20.0, 60.0];
    private readonly bool _computeOptimal;

    /// <summary>Creates the law with U_N computed from the compute-optimal relation (inputs N, D, UD).</summary>
    public DataConstrainedLaw()
        : this(UniqueParameterSource.ComputeOptimal)
    {
    }

    /// <summary>Creates the law with the given source of U_N.</summary>
    /// <param name="uniqueParameters">Where U_N comes from.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="uniqueParameters"/> is not a defined value.</exception>
    public DataConstrainedLaw(UniqueParameterSource uniqueParameters)
        : base(NameOf(uniqueParameters), "L = E + A/N'^alpha + B/D'^beta, D' = UD*(1 + RDstar*(1 - exp(-RD/RDstar))), N' = UN*(1 + RNstar*(1 - exp(-RN/RNstar)))",
            [
                new LawParameter("E", "irreducible loss", ParameterScale.Log, 0.0, double.PositiveInfinity),
                new LawParameter("A", "scale of the parameter term", ParameterScale.Log, 0.0, double.PositiveInfinity),
                new LawParameter("alpha", "exponent of the parameter term", ParameterScale.Linear, 0.0, double.PositiveInfinity),
                new LawParameter("B", "scale of the data term", ParameterScale.Log, 0.0, double.PositiveInfinity),
                new LawParameter("beta", "exponent of the data term", ParameterScale.Linear, 0.0, double.PositiveInfinity),
                new LawParameter("RDstar", "decay constant of the value of repeated tokens, in epochs", ParameterScale.Log, 0.0, double.PositiveInfinity),
                new LawParameter("RNstar", "decay constant of the value of excess parameters", ParameterScale.Log, 0.0, double.PositiveInfinity),
            ],
            uniqueParameters == UniqueParameterSource.Column
                ? [
                    new LawInput("N", "model parameters"),
                    new LawInput("D", "total training tokens"),
                    new LawInput("UD", "unique training tokens (at most D)"),
                    new LawInput("UN", "unique parameters (at most N)"),
                ]
                : [
                    new LawInput("N", "model parameters"),
                    new LawInput("D", "total training tokens"),
                    new LawInput("UD", "unique training tokens (at most D)"),
                ])
    {
        UniqueParameters = uniqueParameters;
        _computeOptimal = uniqueParameters == UniqueParameterSource.ComputeOptimal;
        LinearParameterIndices = _computeOptimal ? [] : [0, 1, 3];
    }

    /// <summary>Gets Muennighoff et al.'s published C4 fit: E 1.8691, A 520.41, alpha 0.35266, B 1488.3, beta 0.35266,
    /// R_D* 15.387756, R_N* 5.309743 (E, A, B are the exponentials of the repository's 0.6254804, 6.255414, 7.3049974).</summary>
    public static IReadOnlyList<double> MuennighoffParameters { get; } =
        [Math.Exp(0.6254804), Math.Exp(6.255414), 0.3526596, Math.Exp(7.3049974), 0.3526596, 15.387756, 5.309743];

    /// <summary>Gets where U_N comes from.</summary>
    public UniqueParameterSource UniqueParameters { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<int> LinearParameterIndices { get; }

    /// <summary>Computes the effective count <c>U·(1 + R*·(1 − exp(−R/R*)))</c> with <c>R = max(total/U − 1, 0)</c>: the
    /// effective data D' (from unique and total tokens) or the effective parameters N' (from unique and total parameters).</summary>
    /// <param name="unique">Unique tokens U_D (or unique parameters U_N); positive.</param>
    /// <param name="total">Total tokens D (or parameters N).</param>
    /// <param name="decayConstant">R_D* (or R_N*); positive.</param>
    /// <returns>The effective count, between <paramref name="unique"/> and <c>unique·(1 + decayConstant)</c>.</returns>
    public static double EffectiveCount(double unique, double total, double decayConstant)
    {
        var repetitions = Math.Max((total / unique) - 1.0, 0.0);
        return unique * (1.0 + (decayConstant * (1.0 - Math.Exp(-repetitions / decayConstant))));
    }

    /// <summary>Computes U_N = min(N, N_opt(U_D)) for <see cref="UniqueParameterSource.ComputeOptimal"/>.</summary>
    /// <param name="parameters">The law's parameters (E, A, alpha, B, beta, RDstar, RNstar).</param>
    /// <param name="parameterCount">N.</param>
    /// <param name="uniqueTokens">U_D.</param>
    /// <returns>The number of unique parameters.</returns>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> does not have seven values.</exception>
    public static double UniqueParameterCount(IReadOnlyList<double> parameters, double parameterCount, double uniqueTokens)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Count != 7)
        {
            throw new ArgumentException("The data-constrained law has 7 parameters (E, A, alpha, B, beta, RDstar, RNstar).", nameof(parameters));
        }

        return Math.Min(parameterCount, Math.Exp(LogOptimalParameters(parameters[1], parameters[2], parameters[3], parameters[4], Math.Log(uniqueTokens))));
    }

    /// <inheritdoc/>
    public override void Evaluate(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> values, Span<double> jacobian)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var e = parameters[0];
        var a = parameters[1];
        var alpha = parameters[2];
        var b = parameters[3];
        var beta = parameters[4];
        var rdStar = parameters[5];
        var rnStar = parameters[6];
        var n = inputs.Column(0);
        var d = inputs.Column(1);
        var ud = inputs.Column(2);
        var logN = inputs.LogColumn(0);
        var logUd = inputs.LogColumn(2);
        var withJacobian = !jacobian.IsEmpty;
        for (var i = 0; i < n.Length; i++)
        {
            // Unique parameters: given, or min(N, N_opt(U_D)) with K = log(alpha·A/(beta·B)) + beta·log U_D, log N_opt = K/alpha.
            double un;
            var limited = false;
            var k = 0.0;
            if (_computeOptimal)
            {
                k = Math.Log(alpha * a / (beta * b)) + (beta * logUd[i]);
                var logOptimal = k / alpha;
                limited = logOptimal < logN[i];
                un = limited ? Math.Exp(logOptimal) : n[i];
            }
            else
            {
                un = inputs.Column(3)[i];
            }

            var rn = Math.Max((n[i] / un) - 1.0, 0.0);
            var en = Math.Exp(-rn / rnStar);
            var nEff = un * (1.0 + (rnStar * (1.0 - en)));
            var rd = Math.Max((d[i] / ud[i]) - 1.0, 0.0);
            var ed = Math.Exp(-rd / rdStar);
            var dEff = ud[i] * (1.0 + (rdStar * (1.0 - ed)));
            var logNEff = Math.Log(nEff);
            var logDEff = Math.Log(dEff);
            var tn = Math.Exp(-alpha * logNEff);
            var td = Math.Exp(-beta * logDEff);
            values[i] = e + (a * tn) + (b * td);
            if (!withJacobian)
            {
                continue;
            }

            var row = jacobian.Slice(7 * i, 7);
            row[0] = 1.0;
            row[1] = tn;
            row[2] = -a * tn * logNEff;
            row[3] = td;
            row[4] = -b * td * logDEff;
            row[5] = -beta * b * td / dEff * ud[i] * (1.0 - ed - (rd / rdStar * ed));
            row[6] = -alpha * a * tn / nEff * un * (1.0 - en - (rn / rnStar * en));
            if (limited)
            {
                // Chain rule through U_N: ∂L/∂log U_N = −alpha·A·N'^(−alpha−1)·(dN'/dU_N)·U_N.
                var dNEffdUn = 1.0 + (rnStar * (1.0 - en)) - (n[i] / un * en);
                var dLdLogUn = -alpha * a * tn / nEff * dNEffdUn * un;
                row[1] += dLdLogUn / (alpha * a);
                row[2] += dLdLogUn * (1.0 - k) / (alpha * alpha);
                row[3] += -dLdLogUn / (alpha * b);
                row[4] += dLdLogUn * (logUd[i] - (1.0 / beta)) / alpha;
            }
        }
    }

    /// <inheritdoc/>
    public override void EvaluateBasis(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> basis)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (_computeOptimal)
        {
            throw new NotSupportedException("With U_N computed from the compute-optimal relation, A and B do not enter linearly.");
        }

        var n = inputs.Count;
        for (var i = 0; i < n; i++)
        {
            var nEff = EffectiveCount(inputs.Column(3)[i], inputs.Column(0)[i], parameters[6]);
            var dEff = EffectiveCount(inputs.Column(2)[i], inputs.Column(1)[i], parameters[5]);
            basis[i] = 1.0;
            basis[n + i] = Math.Exp(-parameters[2] * Math.Log(nEff));
            basis[(2 * n) + i] = Math.Exp(-parameters[4] * Math.Log(dEff));
        }
    }

    /// <inheritdoc/>
    /// <remarks>alpha and beta over 6 values in [0.1, 0.75]; R_D* and R_N* over 1, 3, 8, 20 and 60.</remarks>
    public override IReadOnlyList<double[]> GetNonlinearSearchGrid()
        => _computeOptimal ? [] : [[.. ExponentGrid], [.. ExponentGrid], [.. RepetitionGrid], [.. RepetitionGrid]];

    /// <inheritdoc/>
    public override IReadOnlyList<double[]> GetDefaultStarts(LawInputs inputs, ReadOnlySpan<double> target)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var published = MuennighoffParameters.ToArray();
        if (!_computeOptimal)
        {
            return [published];
        }

        // Grid over (alpha, beta, R_D*, R_N*): solve E, A, B by non-negative least squares with U_N from the current A/B ratio,
        // then once more with U_N from the solved A and B; keep the best by the true weighted error.
        var n = target.Length;
        var weights = LiteratureMath.RelativeWeights(target);
        var y = target.ToArray();
        var basis = new double[3 * n];
        var coefficients = new double[3];
        var collector = new StartCollector(6);
        var natural = new double[7];
        foreach (var alpha in ExponentGrid)
        {
            foreach (var beta in ExponentGrid)
            {
                foreach (var rdStar in RepetitionGrid)
                {
                    foreach (var rnStar in RepetitionGrid)
                    {
                        var a = published[1];
                        var b = published[3];
                        var ok = true;
                        for (var pass = 0; pass < 2 && ok; pass++)
                        {
                            for (var i = 0; i < n; i++)
                            {
                                var nI = inputs.Column(0)[i];
                                var ud = inputs.Column(2)[i];
                                var un = Math.Min(nI, Math.Exp(LogOptimalParameters(a, alpha, b, beta, Math.Log(ud))));
                                basis[i] = 1.0;
                                basis[n + i] = Math.Pow(EffectiveCount(un, nI, rnStar), -alpha);
                                basis[(2 * n) + i] = Math.Pow(EffectiveCount(ud, inputs.Column(1)[i], rdStar), -beta);
                            }

                            LiteratureMath.SolveSignConstrained(basis, y, weights, 3, 0b111, coefficients);
                            ok = coefficients[0] > 0.0 && coefficients[1] > 0.0 && coefficients[2] > 0.0;
                            a = coefficients[1];
                            b = coefficients[2];
                        }

                        if (!ok)
                        {
                            continue;
                        }

                        natural[0] = coefficients[0];
                        natural[1] = a;
                        natural[2] = alpha;
                        natural[3] = b;
                        natural[4] = beta;
                        natural[5] = rdStar;
                        natural[6] = rnStar;
                        collector.Offer(LiteratureMath.WeightedSse(this, natural, inputs, target, weights), natural);
                    }
                }
            }
        }

        return collector.ToList(published);
    }

    private static double LogOptimalParameters(double a, double alpha, double b, double beta, double logUniqueTokens)
        => (Math.Log(alpha * a / (beta * b)) + (beta * logUniqueTokens)) / alpha;

    private static string NameOf(UniqueParameterSource source) => source switch
    {
        UniqueParameterSource.ComputeOptimal => "data-constrained",
        UniqueParameterSource.Column => "data-constrained-un",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Unknown source of the unique parameter count."),
    };
}
