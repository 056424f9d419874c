using System.Globalization;

namespace ScalingLaws;

/// <summary>
/// A scaling law: a model <c>y = f(x; θ)</c> with named parameters θ and named inputs x, its value and its analytic
/// Jacobian with respect to the parameters, default starting points and default bounds. The fitter knows nothing
/// about particular laws, so a user-defined subclass is as capable as a built-in one.
/// </summary>
/// <remarks>
/// <para>Implementations must be stateless (or immutable) so one instance can be shared by parallel fits.</para>
/// <para>Laws whose scale parameters enter linearly (for example E, A and B in <c>E + A/N^α + B/D^β</c>) can
/// describe that structure through <see cref="LinearParameterIndices"/> and <see cref="EvaluateBasis"/>; the fitter
/// then searches only the exponents on a grid and solves the linear parameters by non-negative least squares
/// (variable projection) to build excellent starting points.</para>
/// </remarks>
public abstract class ScalingLaw
{
    private readonly LawParameter[] _parameters;
    private readonly LawInput[] _inputs;
    private readonly string[] _parameterNames;
    private readonly string[] _inputNames;

    /// <summary>Initialises the law's description.</summary>
    /// <param name="name">Short name (for example <c>chinchilla</c>), used by the registry and in reports.</param>
    /// <param name="formula">The formula in plain text (for example <c>L(N, D) = E + A/N^alpha + B/D^beta</c>).</param>
    /// <param name="parameters">The parameters, in the order used by every parameter vector.</param>
    /// <param name="inputs">The inputs, in the order of the columns of <see cref="LawInputs"/>.</param>
    /// <exception cref="ArgumentException">A list is empty or two parameters or two inputs share a name.</exception>
    protected ScalingLaw(string name, string formula, IReadOnlyList<LawParameter> parameters, IReadOnlyList<LawInput> inputs)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(formula);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(inputs);
        if (parameters.Count == 0)
        {
            throw new ArgumentException("A law needs at least one parameter.", nameof(parameters));
        }

        if (inputs.Count == 0)
        {
            throw new ArgumentException("A law needs at least one input.", nameof(inputs));
        }

        _parameters = [.. parameters];
        _inputs = [.. inputs];
        _parameterNames = _parameters.Select(p => p.Name).ToArray();
        _inputNames = _inputs.Select(p => p.Name).ToArray();
        ThrowOnDuplicate(_parameterNames, nameof(parameters));
        ThrowOnDuplicate(_inputNames, nameof(inputs));
        Name = name;
        Formula = formula;
    }

    /// <summary>Gets the law's short name (for example <c>chinchilla</c>).</summary>
    public string Name { get; }

    /// <summary>Gets the formula in plain text.</summary>
    public string Formula { get; }

    /// <summary>Gets the parameters, in the order used by every parameter vector.</summary>
    public IReadOnlyList<LawParameter> Parameters => _parameters;

    /// <summary>Gets the parameter names, in order.</summary>
    public IReadOnlyList<string> ParameterNames => _parameterNames;

    /// <summary>Gets the inputs, in the order of the columns of <see cref="LawInputs"/>.</summary>
    public IReadOnlyList<LawInput> Inputs => _inputs;

    /// <summary>Gets the input names, in order.</summary>
    public IReadOnlyList<string> InputNames => _inputNames;

    /// <summary>Gets the number of parameters.</summary>
    public int ParameterCount => _parameters.Length;

    /// <summary>Gets a value indicating whether <see cref="Evaluate(ReadOnlySpan{double}, LawInputs, Span{double}, Span{double})"/>
    /// fills the Jacobian analytically (otherwise the fitter uses central finite differences).</summary>
    public virtual bool HasAnalyticJacobian => true;

    /// <summary>
    /// Gets the indices of the parameters that enter the law linearly, <c>f = Σ_k θ[k]·basis_k(x; other parameters)</c>,
    /// or an empty list when the law has no such structure.
    /// </summary>
    public virtual IReadOnlyList<int> LinearParameterIndices => [];

    /// <summary>Gets the index of a parameter by name.</summary>
    /// <param name="parameterName">The parameter's name (case-sensitive).</param>
    /// <returns>The zero-based index.</returns>
    /// <exception cref="ArgumentException">The law has no parameter of that name.</exception>
    public int IndexOfParameter(string parameterName)
    {
        var index = Array.IndexOf(_parameterNames, parameterName);
        if (index < 0)
        {
            throw new ArgumentException(
                $"Law '{Name}' has no parameter '{parameterName}'; its parameters are {string.Join(", ", _parameterNames)}.",
                nameof(parameterName));
        }

        return index;
    }

    /// <summary>
    /// Evaluates the law at every row of <paramref name="inputs"/> and, when <paramref name="jacobian"/> is not empty,
    /// its partial derivatives with respect to the parameters.
    /// </summary>
    /// <param name="parameters">Natural parameter values, in the order of <see cref="Parameters"/>.</param>
    /// <param name="inputs">The input columns.</param>
    /// <param name="values">Receives one value per row (length <c>inputs.Count</c>).</param>
    /// <param name="jacobian">Empty, or receives <c>∂f_i/∂θ_k</c> at <c>[i·ParameterCount + k]</c> (row-major).
    /// Laws without an analytic Jacobian leave it untouched.</param>
    /// <remarks>Implementations must not allocate: the fitter calls this once per iteration.
    /// Non-finite results are allowed (the fitter rejects such steps); exceptions are not.</remarks>
    public abstract void Evaluate(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> values, Span<double> jacobian);

    /// <summary>Evaluates the law at a single point.</summary>
    /// <param name="parameters">Natural parameter values, in the order of <see cref="Parameters"/>.</param>
    /// <param name="inputValues">One value per input, in the order of <see cref="Inputs"/>.</param>
    /// <returns>The law's value.</returns>
    /// <exception cref="ArgumentException">A vector has the wrong length, or an input value is outside its input's
    /// <see cref="LawInput.Domain"/> (for example NaN, or x ≤ 0 for a power-law input).</exception>
    public double Evaluate(ReadOnlySpan<double> parameters, ReadOnlySpan<double> inputValues)
    {
        CheckLength(parameters.Length, ParameterCount, nameof(parameters), "parameters");
        CheckLength(inputValues.Length, _inputs.Length, nameof(inputValues), "inputs");
        for (var j = 0; j < inputValues.Length; j++)
        {
            var input = _inputs[j];
            if (!input.Accepts(inputValues[j]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"inputValues[{j}] = {inputValues[j]} is not {input.DomainRule}; input '{input.Name}' of law '{Name}' must be {input.DomainRule}."),
                    nameof(inputValues));
            }
        }

        Span<double> value = stackalloc double[1];
        Evaluate(parameters, LawInputs.SinglePoint(inputValues), value, []);
        return value[0];
    }

    /// <summary>
    /// Evaluates the basis functions of the linear parameters for fixed values of the other parameters:
    /// <c>basis[k·n + i] = basis_k(x_i)</c> for the k-th entry of <see cref="LinearParameterIndices"/>, so that the law equals
    /// <c>Σ_k θ[LinearParameterIndices[k]]·basis[k·n + i]</c>.
    /// </summary>
    /// <param name="parameters">Natural parameter values; the linear ones are ignored.</param>
    /// <param name="inputs">The input columns.</param>
    /// <param name="basis">Receives the basis values, column-major, length <c>LinearParameterIndices.Count · inputs.Count</c>.</param>
    /// <exception cref="NotSupportedException">The law declares no linear parameters.</exception>
    public virtual void EvaluateBasis(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> basis)
        => throw new NotSupportedException($"Law '{Name}' has no linear parameters.");

    /// <summary>
    /// Gets, for every parameter that is not in <see cref="LinearParameterIndices"/> (in parameter order), the grid of values the
    /// default global search tries. Only used when the law has linear parameters.
    /// </summary>
    /// <returns>One array of candidate values per nonlinear parameter. Implementations return new arrays on every call, so
    /// a caller that modifies them cannot change the law's later searches (laws are shared between fits and threads).</returns>
    public virtual IReadOnlyList<double[]> GetNonlinearSearchGrid() => [];

    /// <summary>
    /// Checks rules on the inputs that the per-column <see cref="InputDomain"/> cannot express (for example that a row names
    /// an existing training curve). The fitter calls it once, before any work starts; the default accepts everything.
    /// </summary>
    /// <param name="inputs">The input columns of the data to be fitted.</param>
    /// <exception cref="ArgumentException">A row breaks a rule of the law; the message names the row and the value.</exception>
    public virtual void ValidateInputs(LawInputs inputs)
    {
    }

    /// <summary>
    /// Gets default starting points for a fit to the given data, as natural parameter vectors. The fitter adds the
    /// variable-projection search for laws with linear parameters.
    /// </summary>
    /// <param name="inputs">The input columns of the data to be fitted.</param>
    /// <param name="target">The observed values.</param>
    /// <returns>At least one starting point.</returns>
    public abstract IReadOnlyList<double[]> GetDefaultStarts(LawInputs inputs, ReadOnlySpan<double> target);

    /// <summary>Returns the name and formula.</summary>
    /// <returns>For example <c>chinchilla: L(N, D) = E + A/N^alpha + B/D^beta</c>.</returns>
    public override string ToString() => $"{Name}: {Formula}";

    private static void CheckLength(int actual, int expected, string paramName, string what)
    {
        if (actual != expected)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Expected {expected} {what} but got {actual}."), paramName);
        }
    }

    private static void ThrowOnDuplicate(string[] names, string paramName)
    {
        var duplicate = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"The name '{duplicate.Key}' is used twice.", paramName);
        }
    }
}
