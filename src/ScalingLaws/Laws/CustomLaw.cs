namespace ScalingLaws;

/// <summary>
/// A user-defined law built from delegates: a value function and, optionally, its gradient. Without a gradient the
/// Jacobian comes from central finite differences with steps scaled to each parameter.
/// </summary>
/// <remarks>
/// The delegates must be thread-safe (pure functions of their arguments): multi-start and bootstrap call them in parallel.
/// </remarks>
/// <example><code>
/// var law = new CustomLaw("exp-decay", "y = c + a*exp(-k*x)",
///     [new LawParameter("c", "floor"), new LawParameter("a", "amplitude"), new LawParameter("k", "rate")],
///     [new LawInput("x", "time", InputDomain.Finite)],
///     (p, x) => p[0] + (p[1] * Math.Exp(-p[2] * x[0])),
///     defaultStart: [0.0, 1.0, 1.0]);
/// </code></example>
public sealed class CustomLaw : ScalingLaw
{
    private const double RelativeStep = 6.0554544523933395e-06; // cube root of machine epsilon
    private const int MaxInputs = 64;
    private readonly LawFunction _value;
    private readonly LawGradient? _gradient;
    private readonly double[] _defaultStart;

    /// <summary>Creates a law from delegates.</summary>
    /// <param name="name">Short name of the law.</param>
    /// <param name="formula">The formula in plain text.</param>
    /// <param name="parameters">The parameters, in the order the delegates expect.</param>
    /// <param name="inputs">The inputs, in the order the delegates expect (at most 64).</param>
    /// <param name="value">Computes the value at one point.</param>
    /// <param name="defaultStart">The default starting point, one value per parameter.</param>
    /// <param name="gradient">Computes the gradient at one point; <see langword="null"/> for central finite differences.</param>
    /// <exception cref="ArgumentException"><paramref name="defaultStart"/> has the wrong length or a non-finite value,
    /// or there are more than 64 inputs.</exception>
    public CustomLaw(string name, string formula, IReadOnlyList<LawParameter> parameters, IReadOnlyList<LawInput> inputs,
        LawFunction value, IReadOnlyList<double> defaultStart, LawGradient? gradient = null)
        : base(name, formula, parameters, inputs)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(defaultStart);
        if (inputs.Count > MaxInputs)
        {
            throw new ArgumentException($"A custom law takes at most {MaxInputs} inputs.", nameof(inputs));
        }

        if (defaultStart.Count != parameters.Count || defaultStart.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException(
                $"The default start must have one finite value per parameter ({parameters.Count}).", nameof(defaultStart));
        }

        _value = value;
        _gradient = gradient;
        _defaultStart = [.. defaultStart];
    }

    /// <inheritdoc/>
    public override bool HasAnalyticJacobian => _gradient is not null;

    /// <inheritdoc/>
    public override void Evaluate(ReadOnlySpan<double> parameters, LawInputs inputs, Span<double> values, Span<double> jacobian)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var p = ParameterCount;
        Span<double> row = stackalloc double[inputs.ColumnCount];
        Span<double> shifted = stackalloc double[p];
        for (var i = 0; i < inputs.Count; i++)
        {
            inputs.CopyRow(i, row);
            values[i] = _value(parameters, row);
            if (jacobian.IsEmpty)
            {
                continue;
            }

            var gradient = jacobian.Slice(i * p, p);
            if (_gradient is not null)
            {
                _gradient(parameters, row, gradient);
                continue;
            }

            parameters.CopyTo(shifted);
            for (var k = 0; k < p; k++)
            {
                var h = RelativeStep * Math.Max(1.0, Math.Abs(parameters[k]));
                shifted[k] = parameters[k] + h;
                var up = _value(shifted, row);
                shifted[k] = parameters[k] - h;
                var down = _value(shifted, row);
                shifted[k] = parameters[k];
                gradient[k] = (up - down) / (2.0 * h);
            }
        }
    }

    /// <inheritdoc/>
    public override IReadOnlyList<double[]> GetDefaultStarts(LawInputs inputs, ReadOnlySpan<double> target) => [[.. _defaultStart]];
}
