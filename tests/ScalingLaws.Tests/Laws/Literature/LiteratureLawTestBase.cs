namespace ScalingLaws.Tests.Laws.Literature;

/// <summary>
/// The contract every literature law is held to, run once per derived test class: the analytic Jacobian matches central
/// finite differences at seeded random points, noiseless synthetic data generated from known parameters are recovered from
/// the default starts to 1e-6 relative, and with 1% seeded multiplicative noise every parameter lies within three standard
/// errors of the truth.
/// </summary>
public abstract class LiteratureLawTestBase
{
    // Central differences with Richardson extrapolation (steps h and h/2, h = 1e-4·max(|θ|, 1e-6)) have truncation error
    // O((h/θ)⁴) ≈ 1e-16 relative and rounding error ≈ ε·|f|/h; a wrong sign, factor or missing term is off by O(1).
    private const double JacobianRelativeTolerance = 1e-6;
    private const double RoundingFactor = 1e3 * 2.220446049250313e-16;

    // Noiseless data are fitted to machine precision, so parameters agree to well within 1e-6 relative.
    private const double RecoveryRelativeTolerance = 1e-6;

    // With 1% noise, each estimate lies within 3 standard errors of the truth with probability ≈ 99.7% (seeded, so fixed).
    private const double NoiseLevel = 0.01;
    private const double StandardErrorMultiple = 3.0;

    private const int JacobianPoints = 8;

    /// <summary>Creates the law under test.</summary>
    protected abstract ScalingLaw CreateLaw();

    /// <summary>Gets the parameters the synthetic data are generated from.</summary>
    protected abstract double[] TrueParameters { get; }

    /// <summary>Returns the design: one column per input of the law.</summary>
    protected abstract double[][] Design();

    /// <summary>Gets the residual space of the noisy fit (log for positive targets with multiplicative noise).</summary>
    protected virtual ResidualSpace NoisyFitSpace => ResidualSpace.Log;

    /// <summary>Gets the residual space of the noiseless fit.</summary>
    protected virtual ResidualSpace NoiselessFitSpace => ResidualSpace.Linear;

    /// <summary>Gets the seed of the noise.</summary>
    protected virtual int NoiseSeed => 7;

    /// <summary>Gets options for the recovery fits (for example fixed parameters); null for the defaults.</summary>
    protected virtual FitOptions? BaseOptions => null;

    /// <summary>Returns the order in which fitted parameters are compared with <see cref="TrueParameters"/>: the identity,
    /// unless the law is symmetric under a relabelling (for example the breaks of a broken power law).</summary>
    protected virtual int[] ComparisonOrder(IReadOnlyList<double> fitted) => Enumerable.Range(0, fitted.Count).ToArray();

    /// <summary>Draws a random parameter vector near the truth for the Jacobian check.</summary>
    protected virtual double[] DrawParameters(Random random)
        => TrueParameters.Select(v => v * (1.0 + (0.3 * ((2.0 * random.NextDouble()) - 1.0)))).ToArray();

    [Fact]
    public void Evaluate_RandomPoints_JacobianMatchesCentralDifferences()
    {
        var law = CreateLaw();
        var random = new Random(4242);
        var inputs = new LawInputs(Design());
        var n = inputs.Count;
        var p = law.ParameterCount;
        for (var point = 0; point < JacobianPoints; point++)
        {
            var parameters = point == 0 ? TrueParameters : DrawParameters(random);
            var values = new double[n];
            var jacobian = new double[n * p];
            law.Evaluate(parameters, inputs, values, jacobian);
            values.Should().OnlyContain(v => double.IsFinite(v), "the law is finite at θ = [{0}]", string.Join(", ", parameters));
            for (var k = 0; k < p; k++)
            {
                var h = 1e-4 * Math.Max(Math.Abs(parameters[k]), 1e-6);
                var coarse = Central(law, parameters, inputs, k, h);
                var fine = Central(law, parameters, inputs, k, h / 2.0);
                for (var i = 0; i < n; i++)
                {
                    var numeric = ((4.0 * fine[i]) - coarse[i]) / 3.0;
                    var analytic = jacobian[(i * p) + k];
                    var tolerance = (JacobianRelativeTolerance * Math.Abs(numeric)) + (RoundingFactor * (Math.Abs(values[i]) + 1.0) / h);
                    Math.Abs(analytic - numeric).Should().BeLessThanOrEqualTo(tolerance,
                        "∂f/∂{0} at row {1} of point {2} (θ = [{3}]) is {4}, finite differences give {5}",
                        law.ParameterNames[k], i, point, string.Join(", ", parameters), analytic, numeric);
                }
            }
        }
    }

    [Fact]
    public void Fit_NoiselessSyntheticData_RecoversParameters()
    {
        var law = CreateLaw();
        var data = Generate(law, 0.0);
        var options = (BaseOptions ?? FitOptions.Default) with { ResidualSpace = NoiselessFitSpace };
        var fit = ScalingLawFitter.Fit(law, data, options);
        fit.Converged.Should().BeTrue(fit.ToString());
        var order = ComparisonOrder(fit.Parameters);
        for (var k = 0; k < law.ParameterCount; k++)
        {
            var truth = TrueParameters[k];
            fit.Parameters[order[k]].Should().BeApproximately(truth, (RecoveryRelativeTolerance * Math.Abs(truth)) + 1e-12,
                "{0} should be recovered from noiseless data; fit:\n{1}", law.ParameterNames[k], fit);
        }
    }

    [Fact]
    public void Fit_OnePercentNoise_RecoversParametersWithinThreeStandardErrors()
    {
        var law = CreateLaw();
        var data = Generate(law, NoiseLevel);
        var options = (BaseOptions ?? FitOptions.Default) with { ResidualSpace = NoisyFitSpace };
        var fit = ScalingLawFitter.Fit(law, data, options);
        fit.Converged.Should().BeTrue(fit.ToString());
        var order = ComparisonOrder(fit.Parameters);
        for (var k = 0; k < law.ParameterCount; k++)
        {
            if (fit.IsFixed[order[k]])
            {
                continue;
            }

            var se = fit.StandardErrors[order[k]];
            double.IsFinite(se).Should().BeTrue("{0} should have a standard error; fit:\n{1}", law.ParameterNames[k], fit);
            Math.Abs(fit.Parameters[order[k]] - TrueParameters[k]).Should().BeLessThanOrEqualTo(StandardErrorMultiple * se,
                "{0} should lie within 3 standard errors of the truth {1}; fit:\n{2}", law.ParameterNames[k], TrueParameters[k], fit);
        }
    }

    [Fact]
    public void Evaluate_WithJacobian_DoesNotAllocate()
    {
        // The fitter calls Evaluate once per iteration; it must not allocate (measured on this thread after a warm-up call).
        var law = CreateLaw();
        var inputs = new LawInputs(Design());
        var values = new double[inputs.Count];
        var jacobian = new double[inputs.Count * law.ParameterCount];
        var parameters = TrueParameters;
        law.Evaluate(parameters, inputs, values, jacobian);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 5; i++)
        {
            law.Evaluate(parameters, inputs, values, jacobian);
            law.Evaluate(parameters, inputs, values, []);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
    }

    [Fact]
    public void Registry_Name_CreatesLawOfSameType()
    {
        var law = CreateLaw();
        LawRegistry.TryCreate(law.Name, out var created).Should().BeTrue("'{0}' should be registered", law.Name);
        created!.GetType().Should().Be(law.GetType());
        created.ParameterNames.Should().Equal(law.ParameterNames);
    }

    /// <summary>Generates data from the true parameters with multiplicative noise <c>y·(1 + level·z)</c>.</summary>
    protected Observations Generate(ScalingLaw law, double level)
    {
        ArgumentNullException.ThrowIfNull(law);
        var columns = Design();
        var n = columns[0].Length;
        var values = new double[n];
        law.Evaluate(TrueParameters, new LawInputs(columns), values, []);
        var z = Normal(n, NoiseSeed);
        for (var i = 0; i < n; i++)
        {
            values[i] *= 1.0 + (level * z[i]);
        }

        return new Observations(law.InputNames, columns, values);
    }

    /// <summary>Returns <paramref name="count"/> values spaced evenly in log between <paramref name="low"/> and <paramref name="high"/>.</summary>
    protected static double[] LogSpace(double low, double high, int count)
        => Enumerable.Range(0, count).Select(i => Math.Exp(Math.Log(low) + ((Math.Log(high) - Math.Log(low)) * i / (count - 1)))).ToArray();

    /// <summary>Returns the Cartesian product of two axes as two columns.</summary>
    protected static double[][] Grid(double[] first, double[] second)
        => [first.SelectMany(v => second.Select(_ => v)).ToArray(), first.SelectMany(_ => second).ToArray()];

    /// <summary>Standard normal draws by Box–Muller from a seeded generator.</summary>
    protected static double[] Normal(int count, int seed)
    {
        var random = new Random(seed);
        var result = new double[count];
        for (var i = 0; i < count; i++)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            result[i] = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        }

        return result;
    }

    private static double[] Central(ScalingLaw law, double[] parameters, LawInputs inputs, int k, double h)
    {
        var n = inputs.Count;
        var up = new double[n];
        var down = new double[n];
        var shifted = (double[])parameters.Clone();
        shifted[k] = parameters[k] + h;
        law.Evaluate(shifted, inputs, up, []);
        shifted[k] = parameters[k] - h;
        law.Evaluate(shifted, inputs, down, []);
        return Enumerable.Range(0, n).Select(i => (up[i] - down[i]) / (2.0 * h)).ToArray();
    }
}
