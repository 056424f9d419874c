namespace ScalingLaws.Tests.Core;

/// <summary>Every analytic Jacobian (and the finite-difference Jacobian of <see cref="CustomLaw"/>) against central
/// finite differences of the law's values at seeded random points.</summary>
public class LawJacobianTests
{
    private const int PointsPerLaw = 25;
    private const int RowsPerPoint = 12;

    // Central differences with h = 1e-6·max(|θ|, 1) have relative truncation error O(h²) ≈ 1e-12 and rounding error
    // ≈ ε·|f|/h. Tolerance: 1e-6 relative to the derivative plus 1000·ε·|f|/h absolute, a wide margin, while a wrong
    // sign, factor or missing log term is off by O(1).
    private const double RelativeTolerance = 1e-6;
    private const double RoundingFactor = 1e3 * 2.220446049250313e-16; // 1000 × machine epsilon

    public static TheoryData<string> LawNames => new() { "power", "saturating", "chinchilla", "annealing", "custom-gradient", "custom-fd" };

    [Theory]
    [MemberData(nameof(LawNames))]
    public void Evaluate_RandomPoints_JacobianMatchesCentralDifferences(string lawName)
    {
        var random = new Random(1234 + lawName.Length);
        var (law, drawParameters, drawInputs) = Describe(lawName);
        for (var point = 0; point < PointsPerLaw; point++)
        {
            var parameters = drawParameters(random);
            var inputs = new LawInputs(drawInputs(random));
            var n = inputs.Count;
            var p = law.ParameterCount;
            var values = new double[n];
            var jacobian = new double[n * p];
            law.Evaluate(parameters, inputs, values, jacobian);

            var up = new double[n];
            var down = new double[n];
            for (var k = 0; k < p; k++)
            {
                var h = 1e-6 * Math.Max(Math.Abs(parameters[k]), 1.0);
                var shifted = (double[])parameters.Clone();
                shifted[k] = parameters[k] + h;
                law.Evaluate(shifted, inputs, up, []);
                shifted[k] = parameters[k] - h;
                law.Evaluate(shifted, inputs, down, []);
                for (var i = 0; i < n; i++)
                {
                    var numeric = (up[i] - down[i]) / (2.0 * h);
                    var analytic = jacobian[(i * p) + k];
                    var tolerance = (RelativeTolerance * Math.Abs(numeric)) + (RoundingFactor * Math.Abs(values[i]) / h);
                    Math.Abs(analytic - numeric).Should().BeLessThanOrEqualTo(tolerance,
                        $"∂f/∂{law.ParameterNames[k]} of {lawName} at row {i} of point {point} (θ = [{string.Join(", ", parameters)}]) is {analytic}, central differences give {numeric}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(LawNames))]
    public void Evaluate_SinglePoint_EqualsVectorEvaluation(string lawName)
    {
        var random = new Random(99);
        var (law, drawParameters, drawInputs) = Describe(lawName);
        var parameters = drawParameters(random);
        var columns = drawInputs(random);
        var values = new double[columns[0].Length];
        law.Evaluate(parameters, new LawInputs(columns), values, []);

        for (var i = 0; i < values.Length; i++)
        {
            var row = columns.Select(c => c[i]).ToArray();
            law.Evaluate(parameters, row).Should().Be(values[i]);
        }
    }

    [Theory]
    [InlineData("saturating")]
    [InlineData("chinchilla")]
    [InlineData("annealing")]
    [InlineData("power")]
    public void EvaluateBasis_LinearParameters_ReproduceTheLaw(string lawName)
    {
        // Variable projection relies on f = Σ_k θ[L_k]·basis_k: check it to rounding error.
        var random = new Random(7);
        var (law, drawParameters, drawInputs) = Describe(lawName);
        var parameters = drawParameters(random);
        var inputs = new LawInputs(drawInputs(random));
        var n = inputs.Count;
        var linear = law.LinearParameterIndices;
        var basis = new double[linear.Count * n];
        law.EvaluateBasis(parameters, inputs, basis);
        var values = new double[n];
        law.Evaluate(parameters, inputs, values, []);

        for (var i = 0; i < n; i++)
        {
            var sum = 0.0;
            for (var k = 0; k < linear.Count; k++)
            {
                sum += parameters[linear[k]] * basis[(k * n) + i];
            }

            sum.Should().BeApproximately(values[i], 1e-12 * (1.0 + Math.Abs(values[i])));
        }
    }

    [Fact]
    public void Evaluate_CustomLawWithoutGradient_FiniteDifferencesMatchAnalyticGradient()
    {
        // CustomLaw's central differences use h = ε^(1/3)·max(|θ|, 1): error ≈ ε^(2/3) ≈ 4e-11 relative; allow 1e-7.
        const double tolerance = 1e-7;
        var random = new Random(5);
        var analyticLaw = ExponentialDecay(withGradient: true);
        var numericLaw = ExponentialDecay(withGradient: false);
        numericLaw.HasAnalyticJacobian.Should().BeFalse();
        analyticLaw.HasAnalyticJacobian.Should().BeTrue();
        for (var point = 0; point < PointsPerLaw; point++)
        {
            double[] parameters = [random.NextDouble() - 0.5, 0.5 + (4.0 * random.NextDouble()), 0.1 + (3.0 * random.NextDouble()), 0.2 * (random.NextDouble() - 0.5)];
            var inputs = new LawInputs([Enumerable.Range(0, RowsPerPoint).Select(_ => -1.0 + (6.0 * random.NextDouble())).ToArray()]);
            var values = new double[RowsPerPoint];
            var expected = new double[RowsPerPoint * 4];
            var actual = new double[RowsPerPoint * 4];
            analyticLaw.Evaluate(parameters, inputs, values, expected);
            numericLaw.Evaluate(parameters, inputs, values, actual);

            actual.Should().Equal(expected, (a, e) => Math.Abs(a - e) <= tolerance * (1.0 + Math.Abs(e)));
        }
    }

    internal static CustomLaw ExponentialDecay(bool withGradient) => new(
        "exp-decay", "y = c + a*exp(-k*x) + b*x^2",
        [new LawParameter("c", "floor"), new LawParameter("a", "amplitude"), new LawParameter("k", "rate"), new LawParameter("b", "curvature")],
        [new LawInput("x", "time", InputDomain.Finite)],
        (p, x) => p[0] + (p[1] * Math.Exp(-p[2] * x[0])) + (p[3] * x[0] * x[0]),
        [0.0, 1.0, 1.0, 0.0],
        withGradient ? ExponentialDecayGradient : null);

    private static void ExponentialDecayGradient(ReadOnlySpan<double> p, ReadOnlySpan<double> x, Span<double> g)
    {
        var e = Math.Exp(-p[2] * x[0]);
        g[0] = 1.0;
        g[1] = e;
        g[2] = -p[1] * x[0] * e;
        g[3] = x[0] * x[0];
    }

    private static (ScalingLaw Law, Func<Random, double[]> Parameters, Func<Random, double[][]> Inputs) Describe(string name)
    {
        static double Uniform(Random r, double lo, double hi) => lo + ((hi - lo) * r.NextDouble());
        static double LogUniform(Random r, double lo, double hi) => Math.Exp(Uniform(r, Math.Log(lo), Math.Log(hi)));
        static double[] Column(Random r, Func<Random, double> draw) => Enumerable.Range(0, RowsPerPoint).Select(_ => draw(r)).ToArray();

        return name switch
        {
            "power" => (new PowerLaw(),
                r => [LogUniform(r, 1e-2, 1e4), Uniform(r, -1.0, 1.5)],
                r => [Column(r, q => LogUniform(q, 1e-3, 1e12))]),
            "saturating" => (new SaturatingPowerLaw(),
                r => [Uniform(r, 0.0, 3.0), LogUniform(r, 1e-1, 1e4), Uniform(r, 0.01, 1.5)],
                r => [Column(r, q => LogUniform(q, 1e-2, 1e12))]),
            "chinchilla" => (new ChinchillaLaw(),
                r => [Uniform(r, 1.0, 2.5), LogUniform(r, 50.0, 5e3), Uniform(r, 0.1, 0.8), LogUniform(r, 50.0, 5e4), Uniform(r, 0.1, 0.8)],
                r => [Column(r, q => LogUniform(q, 1e7, 1e10)), Column(r, q => LogUniform(q, 1e9, 1e12))]),
            "annealing" => (new AnnealingLaw(),
                r => [Uniform(r, 1.5, 3.0), LogUniform(r, 0.1, 10.0), Uniform(r, 0.1, 1.0), Uniform(r, 0.0, 1e-2)],
                r => [Column(r, q => LogUniform(q, 1.0, 1e4)), Column(r, q => Uniform(q, -5.0, 200.0))]),
            "custom-gradient" => (ExponentialDecay(withGradient: true),
                r => [Uniform(r, -1.0, 1.0), Uniform(r, 0.5, 5.0), Uniform(r, 0.1, 3.0), Uniform(r, -0.1, 0.1)],
                r => [Column(r, q => Uniform(q, -1.0, 5.0))]),
            "custom-fd" => (ExponentialDecay(withGradient: false),
                r => [Uniform(r, -1.0, 1.0), Uniform(r, 0.5, 5.0), Uniform(r, 0.1, 3.0), Uniform(r, -0.1, 0.1)],
                r => [Column(r, q => Uniform(q, -1.0, 5.0))]),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown law."),
        };
    }
}
