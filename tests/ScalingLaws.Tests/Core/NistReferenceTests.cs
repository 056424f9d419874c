using System.Globalization;
using Xunit.Abstractions;

namespace ScalingLaws.Tests.Core;

/// <summary>
/// NIST StRD nonlinear regression problems (https://www.itl.nist.gov/div898/strd/nls/nls_main.shtml) fitted through
/// <see cref="CustomLaw"/> with analytic gradients. Certified values: parameters, standard errors and residual sum of squares.
/// </summary>
/// <remarks>
/// The data were typed in; a typo could not reproduce 4–8 certified quantities to 6+ significant digits, so the passing
/// tests also check the data.
/// </remarks>
public class NistReferenceTests(ITestOutputHelper output)
{
    // Log relative error ≥ 6 (6 significant digits), as the issue asks; RSS, which the solver minimises, to 1e-8 relative.
    private const double ParameterRelativeTolerance = 1e-6;
    private const double RssRelativeTolerance = 1e-8;

    // Misra1a (lower difficulty): y = b1·(1 − exp(−b2·x)), 14 points.
    private static readonly double[] Misra1aX = [77.6, 114.9, 141.1, 190.8, 239.9, 289.0, 332.8, 378.4, 434.8, 477.3, 536.8, 593.1, 689.1, 760.0];
    private static readonly double[] Misra1aY = [10.07, 14.73, 17.94, 23.93, 29.61, 35.18, 40.02, 44.82, 50.76, 55.05, 61.01, 66.40, 75.47, 81.78];
    private static readonly double[] Misra1aParameters = [2.3894212918E+02, 5.5015643181E-04];
    private static readonly double[] Misra1aStandardErrors = [2.7070075241E+00, 7.2668688436E-06];
    private const double Misra1aRss = 1.2455138894E-01;

    // MGH09, Kowalik–Osborne (higher difficulty): y = b1·(x² + x·b2)/(x² + x·b3 + b4), 11 points.
    private static readonly double[] Mgh09X = [4.0, 2.0, 1.0, 0.5, 0.25, 0.167, 0.125, 0.1, 0.0833, 0.0714, 0.0625];
    private static readonly double[] Mgh09Y = [0.1957, 0.1947, 0.1735, 0.16, 0.0844, 0.0627, 0.0456, 0.0342, 0.0323, 0.0235, 0.0246];
    private static readonly double[] Mgh09Parameters = [1.9280693458E-01, 1.9128232873E-01, 1.2305650693E-01, 1.3606233068E-01];
    private static readonly double[] Mgh09StandardErrors = [1.1435312227E-02, 1.9633220911E-01, 8.0842031232E-02, 9.0025542308E-02];
    private const double Mgh09Rss = 3.0750560385E-04;

    // Rat43 (higher difficulty): y = b1 / (1 + exp(b2 − b3·x))^(1/b4), 15 points.
    private static readonly double[] Rat43X = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
    private static readonly double[] Rat43Y = [16.08, 33.83, 65.80, 97.20, 191.55, 326.20, 386.87, 520.53, 590.03, 651.92, 724.93, 699.56, 689.96, 637.56, 717.41];
    private static readonly double[] Rat43Parameters = [6.9964151270E+02, 5.2771253025E+00, 7.5962938329E-01, 1.2792483859E+00];
    private static readonly double[] Rat43StandardErrors = [1.6302297817E+01, 2.0828735829E+00, 1.9566123451E-01, 6.8761936385E-01];
    private const double Rat43Rss = 8.7864049080E+03;

    public static TheoryData<string, double[]> Starts => new()
    {
        { "Misra1a", [500.0, 1e-4] },      // NIST start 1
        { "Misra1a", [250.0, 5e-4] },      // NIST start 2
        { "MGH09", [25.0, 39.0, 41.5, 39.0] },     // NIST start 1
        { "MGH09", [0.25, 0.39, 0.415, 0.39] },    // NIST start 2
        { "Rat43", [100.0, 10.0, 1.0, 1.0] },      // NIST start 1
        { "Rat43", [700.0, 5.0, 0.75, 1.3] },      // NIST start 2
    };

    [Theory]
    [MemberData(nameof(Starts))]
    public void Fit_NistProblem_MatchesCertifiedValues(string problem, double[] start)
    {
        var (law, x, y, parameters, standardErrors, rss) = Problem(problem);

        var fit = ScalingLawFitter.Fit(law, x, y, FitOptions.Default with { Starts = StartStrategy.FromPoint(start) });

        var report = fit.ToString();
        static double Lre(double actual, double expected) => -Math.Log10(Math.Max(Math.Abs(actual - expected) / Math.Abs(expected), 1e-16));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{problem} from [{string.Join(", ", start)}]: significant digits (LRE) of parameters {string.Join(", ", parameters.Select((p, k) => Lre(fit.Parameters[k], p).ToString("F1", CultureInfo.InvariantCulture)))}; of standard errors {string.Join(", ", standardErrors.Select((se, k) => Lre(fit.StandardErrors[k], se).ToString("F1", CultureInfo.InvariantCulture)))}; RSS {Lre(fit.ResidualSumOfSquares, rss):F1}"));
        output.WriteLine(report);
        fit.Converged.Should().BeTrue(report);
        fit.ResidualSumOfSquares.Should().BeApproximately(rss, RssRelativeTolerance * rss, report);
        fit.DegreesOfFreedom.Should().Be(x.Length - parameters.Length);
        for (var k = 0; k < parameters.Length; k++)
        {
            fit.Parameters[k].Should().BeApproximately(parameters[k], ParameterRelativeTolerance * Math.Abs(parameters[k]),
                $"certified {law.ParameterNames[k]} of {problem}\n{report}");
            fit.StandardErrors[k].Should().BeApproximately(standardErrors[k], ParameterRelativeTolerance * standardErrors[k],
                $"certified standard error of {law.ParameterNames[k]} of {problem}\n{report}");
        }
    }

    private static (CustomLaw Law, double[] X, double[] Y, double[] Parameters, double[] StandardErrors, double Rss) Problem(string name) => name switch
    {
        "Misra1a" => (Misra1a(), Misra1aX, Misra1aY, Misra1aParameters, Misra1aStandardErrors, Misra1aRss),
        "MGH09" => (Mgh09(), Mgh09X, Mgh09Y, Mgh09Parameters, Mgh09StandardErrors, Mgh09Rss),
        "Rat43" => (Rat43(), Rat43X, Rat43Y, Rat43Parameters, Rat43StandardErrors, Rat43Rss),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown NIST problem."),
    };

    private static LawParameter[] Parameters(int count)
        => Enumerable.Range(1, count).Select(i => new LawParameter($"b{i}", $"NIST parameter b{i}")).ToArray();

    private static CustomLaw Misra1a() => new("Misra1a", "y = b1*(1 - exp(-b2*x))", Parameters(2),
        [new LawInput("x", "NIST Misra1a predictor")],
        (b, x) => b[0] * (1.0 - Math.Exp(-b[1] * x[0])),
        [500.0, 1e-4],
        (b, x, g) =>
        {
            var e = Math.Exp(-b[1] * x[0]);
            g[0] = 1.0 - e;
            g[1] = b[0] * x[0] * e;
        });

    private static CustomLaw Mgh09() => new("MGH09", "y = b1*(x^2 + x*b2)/(x^2 + x*b3 + b4)", Parameters(4),
        [new LawInput("x", "NIST MGH09 predictor")],
        (b, x) => b[0] * ((x[0] * x[0]) + (x[0] * b[1])) / ((x[0] * x[0]) + (x[0] * b[2]) + b[3]),
        [25.0, 39.0, 41.5, 39.0],
        (b, x, g) =>
        {
            var numerator = (x[0] * x[0]) + (x[0] * b[1]);
            var denominator = (x[0] * x[0]) + (x[0] * b[2]) + b[3];
            g[0] = numerator / denominator;
            g[1] = b[0] * x[0] / denominator;
            g[2] = -b[0] * numerator * x[0] / (denominator * denominator);
            g[3] = -b[0] * numerator / (denominator * denominator);
        });

    private static CustomLaw Rat43() => new("Rat43", "y = b1/(1 + exp(b2 - b3*x))^(1/b4)", Parameters(4),
        [new LawInput("x", "NIST Rat43 predictor")],
        (b, x) => b[0] / Math.Pow(1.0 + Math.Exp(b[1] - (b[2] * x[0])), 1.0 / b[3]),
        [100.0, 10.0, 1.0, 1.0],
        (b, x, g) =>
        {
            var e = Math.Exp(b[1] - (b[2] * x[0]));
            var u = 1.0 + e;
            var power = Math.Pow(u, -1.0 / b[3]);
            g[0] = power;
            g[1] = -b[0] * power * e / (b[3] * u);
            g[2] = b[0] * power * e * x[0] / (b[3] * u);
            g[3] = b[0] * power * Math.Log(u) / (b[3] * b[3]);
        });
}
