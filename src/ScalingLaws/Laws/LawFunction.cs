namespace ScalingLaws;

/// <summary>Computes a user-defined law's value at one point.</summary>
/// <param name="parameters">Natural parameter values, in the law's parameter order.</param>
/// <param name="inputs">One value per input, in the law's input order.</param>
/// <returns>The law's value.</returns>
public delegate double LawFunction(ReadOnlySpan<double> parameters, ReadOnlySpan<double> inputs);

/// <summary>Computes a user-defined law's gradient with respect to its parameters at one point.</summary>
/// <param name="parameters">Natural parameter values, in the law's parameter order.</param>
/// <param name="inputs">One value per input, in the law's input order.</param>
/// <param name="gradient">Receives <c>∂f/∂θ_k</c> for every parameter k.</param>
public delegate void LawGradient(ReadOnlySpan<double> parameters, ReadOnlySpan<double> inputs, Span<double> gradient);
