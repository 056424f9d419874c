namespace ScalingLaws.Tests.Certified;

/// <summary>
/// One NIST StRD nonlinear least-squares dataset (https://www.itl.nist.gov/div898/strd/nls/nls_main.shtml): the observed
/// data, the model with its analytic gradient, NIST's two starting points and the certified parameter values, standard
/// deviations and residual sum of squares.
/// </summary>
internal sealed class NistDataset
{
    /// <summary>Gets the NIST dataset name, for example <c>Misra1a</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Gets NIST's level of difficulty: Lower, Average or Higher.</summary>
    public required string Difficulty { get; init; }

    /// <summary>Gets the model as NIST writes it.</summary>
    public required string Formula { get; init; }

    /// <summary>Gets the predictor names, in the order of <see cref="Inputs"/>.</summary>
    public required string[] InputNames { get; init; }

    /// <summary>Gets the predictor columns (one array per input).</summary>
    public required double[][] Inputs { get; init; }

    /// <summary>Gets the response column as printed by NIST.</summary>
    public required double[] Response { get; init; }

    /// <summary>Gets a value indicating whether the model describes log(response) (Nelson).</summary>
    public required bool LogResponse { get; init; }

    /// <summary>Gets NIST's first (usually distant) starting point.</summary>
    public required double[] Start1 { get; init; }

    /// <summary>Gets NIST's second (usually closer) starting point.</summary>
    public required double[] Start2 { get; init; }

    /// <summary>Gets the certified parameter values b1..bp.</summary>
    public required double[] CertifiedValues { get; init; }

    /// <summary>Gets the certified standard deviations of the parameters.</summary>
    public required double[] CertifiedStandardDeviations { get; init; }

    /// <summary>Gets the certified residual sum of squares.</summary>
    public required double CertifiedResidualSumOfSquares { get; init; }

    /// <summary>Gets the model value at one point.</summary>
    public required LawFunction Value { get; init; }

    /// <summary>Gets the analytic gradient of the model with respect to b1..bp at one point.</summary>
    public required LawGradient Gradient { get; init; }

    /// <summary>Gets the number of parameters.</summary>
    public int ParameterCount => CertifiedValues.Length;

    /// <summary>Gets the fitted target: the response, or its natural log for <see cref="LogResponse"/>.</summary>
    public double[] Target => LogResponse ? [.. Response.Select(v => Math.Log(v))] : [.. Response];

    /// <summary>Returns NIST's starting point 1 or 2.</summary>
    /// <param name="start">1 or 2.</param>
    /// <returns>A copy of the starting values.</returns>
    public double[] Start(int start) => start switch
    {
        1 => [.. Start1],
        2 => [.. Start2],
        _ => throw new ArgumentOutOfRangeException(nameof(start), start, "NIST gives starting points 1 and 2."),
    };

    /// <summary>Builds the model as a <see cref="CustomLaw"/> with unbounded linear-scale parameters b1..bp.</summary>
    /// <returns>The law.</returns>
    public CustomLaw CreateLaw()
    {
        var parameters = Enumerable.Range(1, ParameterCount)
            .Select(k => new LawParameter($"b{k}", $"NIST parameter b{k}", ParameterScale.Linear))
            .ToArray();
        var inputs = InputNames.Select(n => new LawInput(n, n, InputDomain.Finite)).ToArray();
        return new CustomLaw(Name, Formula, parameters, inputs, Value, Start1, Gradient);
    }

    /// <summary>Builds the observations: the predictor columns and <see cref="Target"/>.</summary>
    /// <returns>The observations.</returns>
    public Observations CreateObservations()
    {
        var data = Observations.FromArrays(InputNames[0], Inputs[0], Target);
        for (var c = 1; c < InputNames.Length; c++)
        {
            data = data.WithColumn(InputNames[c], Inputs[c]);
        }

        return data;
    }

    /// <summary>Computes the residual sum of squares of the model at the given parameters, in double precision.</summary>
    /// <param name="parameters">The parameter values.</param>
    /// <returns>The sum over observations of (target − model)².</returns>
    public double ResidualSumOfSquares(double[] parameters)
    {
        var target = Target;
        Span<double> row = stackalloc double[InputNames.Length];
        var sum = 0.0;
        for (var i = 0; i < target.Length; i++)
        {
            for (var c = 0; c < row.Length; c++)
            {
                row[c] = Inputs[c][i];
            }

            var residual = target[i] - Value(parameters, row);
            sum += residual * residual;
        }

        return sum;
    }

    /// <summary>Returns the dataset name (used as the theory case label).</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}
