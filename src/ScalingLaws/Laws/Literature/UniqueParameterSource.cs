namespace ScalingLaws;

/// <summary>Where <see cref="DataConstrainedLaw"/> gets the number of unique parameters U_N from.</summary>
public enum UniqueParameterSource
{
    /// <summary>
    /// U_N = min(N, N_opt(U_D)): the compute-optimal parameter count for the unique tokens, from the law's own Chinchilla
    /// parameters (<c>N_opt(U) = (alpha·A/(beta·B))^(1/alpha)·U^(beta/alpha)</c>), as in Muennighoff et al.'s code. Inputs
    /// N, D and UD.
    /// </summary>
    ComputeOptimal = 0,

    /// <summary>U_N is an input column <c>UN</c>. Inputs N, D, UD and UN; E, A and B then enter linearly.</summary>
    Column = 1,
}
