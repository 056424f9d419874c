using System.Globalization;
using CsCheck;

namespace ScalingLaws.Tests.Reliability;

/// <summary>
/// Issue 8, part 2 (second property): for any finite input — any length, any magnitude from subnormal to ±1.8e308, any sign,
/// duplicates, with or without weights, Huber or least squares, linear or log residuals, random bounds, fixed values and
/// starts — the fitter and everything downstream of a fit (prediction, extrapolation, formatting, bootstrap) either return a
/// result or throw a documented <see cref="ArgumentException"/>; no other exception type reaches the caller. A result that
/// says it converged has finite parameters and a finite objective.
/// </summary>
public class FitterFuzzTests
{
    private static readonly ScalingLaw[] Laws =
    [
        new PowerLaw(),
        new SaturatingPowerLaw(),
        new ChinchillaLaw(),
        new AnnealingLaw(),
        new CustomLaw("custom-exp", "y = a*exp(-b*x)", [new LawParameter("a", "scale"), new LawParameter("b", "rate")],
            [new LawInput("x", "input", InputDomain.Finite)], (p, x) => p[0] * Math.Exp(-p[1] * x[0]), [1.0, 0.1]),
    ];

    /// <summary>Finite doubles: mostly moderate, sometimes of any magnitude, sometimes the awkward ones.</summary>
    private static readonly Gen<double> Finite = Gen.Frequency(
        (4, Gen.Double[-10.0, 10.0]),
        (2, Gen.Double[1e-3, 1e15]),
        (2, Gen.Double.Where(double.IsFinite)),
        (1, Gen.OneOf(Gen.Const(0.0), Gen.Const(-0.0), Gen.Const(double.Epsilon), Gen.Const(1e-300), Gen.Const(1e300),
            Gen.Const(double.MaxValue), Gen.Const(-double.MaxValue), Gen.Const(1.0))));

    private static readonly Gen<double> Positive = Gen.Frequency(
        (4, Gen.Double[1e-3, 1e3]),
        (1, Gen.Double.Where(v => double.IsFinite(v) && v > 0.0)),
        (1, Gen.OneOf(Gen.Const(double.Epsilon), Gen.Const(double.MaxValue), Gen.Const(1.0))));

    private static readonly Gen<(ScalingLaw Law, Observations Data, FitOptions Options)> Problems =
        from lawIndex in Gen.Int[0, Laws.Length - 1]
        from n in Gen.Int[0, 12]
        from inDomain in Gen.Frequency((4, Gen.Const(true)), (1, Gen.Const(false)))
        from columns in (inDomain ? Positive : Finite).Array[n].Array[2]
        from positiveTarget in Gen.Bool
        from target in (positiveTarget ? Positive : Finite).Array[n]
        from weights in Gen.Frequency((3, Gen.Const<double[]?>((double[]?)null)), (1, Positive.Array[n].Select(w => (double[]?)w)))
        from options in Options(Laws[lawIndex])
        select (Laws[lawIndex], Data(Laws[lawIndex], columns, target, weights), options);

    [Fact]
    public void Fit_AnyFiniteInput_ReturnsResultOrThrowsArgumentException()
    {
        var fitted = 0;

        Problems.CheckProperty(problem =>
        {
            var (law, data, options) = problem;
            FitResult? fit = null;

            ExceptionPolicy.RunAllowingDocumented(() => fit = ScalingLawFitter.Fit(law, data, options), "ScalingLawFitter.Fit");
            if (fit is null)
            {
                return;
            }

            Interlocked.Increment(ref fitted);
            fit.Warnings.Should().NotBeNull();
            if (fit.Converged)
            {
                fit.Parameters.Should().OnlyContain(v => double.IsFinite(v), fit.ToString());
                if (!double.IsFinite(fit.Objective))
                {
                    // Weights near double.MaxValue square past the range of a double; that must be reported.
                    fit.Warnings.Should().Contain(w => w.Contains("overflows", StringComparison.Ordinal), fit.ToString());
                }
            }
            else
            {
                fit.Warnings.Should().NotBeEmpty("a fit that did not converge must say so");
            }

            ExceptionPolicy.RunAllowingDocumented(() => _ = fit.ToString(), "FitResult.ToString");
            ExceptionPolicy.RunAllowingDocumented(() => _ = fit.Predict(data), "FitResult.Predict");
            ExceptionPolicy.RunAllowingDocumented(() => _ = fit.Extrapolate(data), "FitResult.Extrapolate");
            var row = law.Inputs.Select(i => data.Column(i.Name)[0] * 10.0).ToArray();
            ExceptionPolicy.RunAllowingDocumented(() => _ = fit.Extrapolate(row), "FitResult.Extrapolate(point)");
            ExceptionPolicy.RunAllowingDocumented(() => _ = DeltaMethod.Estimate(fit, p => p[^1]), "DeltaMethod.Estimate");
        }, 2000, Describe);

        if (!Property.ReplayingOneCase)
        {
            fitted.Should().BeGreaterThan(400, "enough random problems must be valid for the downstream checks to run");
        }
    }

    [Fact]
    public void BootstrapAndProfile_AnyFittedFiniteInput_ReturnResultOrThrowArgumentException()
    {
        Problems.CheckProperty(problem =>
        {
            var (law, data, options) = problem;
            FitResult? fit = null;
            ExceptionPolicy.RunAllowingDocumented(() => fit = ScalingLawFitter.Fit(law, data, options), "ScalingLawFitter.Fit");
            if (fit is null)
            {
                return;
            }

            BootstrapResult? boot = null;
            ExceptionPolicy.RunAllowingDocumented(() => boot = Bootstrap.Run(fit, new BootstrapOptions { Resamples = 5, Seed = 1, MaxDegreeOfParallelism = 1 }), "Bootstrap.Run");
            if (boot is not null)
            {
                ExceptionPolicy.RunAllowingDocumented(() => _ = boot.ToString(), "BootstrapResult.ToString");
                ExceptionPolicy.RunAllowingDocumented(() => _ = boot.Intervals(0.9, BootstrapIntervalMethod.BCa), "BootstrapResult.Intervals(BCa)");
                ExceptionPolicy.RunAllowingDocumented(() => _ = fit.Extrapolate(data, boot.Samples), "FitResult.Extrapolate(draws)");
            }

            var free = Enumerable.Range(0, law.ParameterCount).FirstOrDefault(k => !fit.IsFixed[k]);
            ExceptionPolicy.RunAllowingDocumented(() => _ = ProfileLikelihood.Interval(fit, law.ParameterNames[free], 0.9, 4), "ProfileLikelihood.Interval");
        }, 300, Describe);
    }

    private static Gen<FitOptions> Options(ScalingLaw law) =>
        from log in Gen.Bool
        from huber in Gen.Frequency((3, Gen.Const(0.0)), (1, Positive))
        from fixIndex in Gen.Int[-1, law.ParameterCount - 1]
        from fixValue in Finite
        from boundIndex in Gen.Int[-1, law.ParameterCount - 1]
        from bound in Gen.Select(Finite, Finite)
        from start in Gen.Frequency((3, Gen.Const<double[]?>((double[]?)null)), (1, Finite.Array[law.ParameterCount].Select(s => (double[]?)s)))
        from maxIterations in Gen.Frequency((4, Gen.Const(FitOptions.DefaultMaxIterations)), (1, Gen.Int[1, 20]))
        select FitOptions.Default with
        {
            ResidualSpace = log ? ResidualSpace.Log : ResidualSpace.Linear,
            Loss = huber > 0.0 ? LossFunction.Huber(huber) : LossFunction.LeastSquares,
            FixedParameters = fixIndex < 0 ? null : new Dictionary<string, double> { [law.ParameterNames[fixIndex]] = fixValue },
            Bounds = boundIndex < 0 ? null : new Dictionary<string, ParameterBounds>
            {
                [law.ParameterNames[boundIndex]] = new(Math.Min(bound.Item1, bound.Item2), Math.Max(bound.Item1, bound.Item2)),
            },
            Starts = start is null ? StartStrategy.Default : StartStrategy.FromPoint(start),
            MaxIterations = maxIterations,
            MaxDegreeOfParallelism = 1,
        };

    private static Observations Data(ScalingLaw law, double[][] columns, double[] target, double[]? weights)
        => new([.. law.InputNames], columns[..law.Inputs.Count], target, weights);

    private static string Describe((ScalingLaw Law, Observations Data, FitOptions Options) problem)
    {
        var (law, data, options) = problem;
        var ci = CultureInfo.InvariantCulture;
        var columns = string.Join("; ", data.ColumnNames.Select(c => $"{c} = [{string.Join(", ", data.Column(c).Select(v => v.ToString("R", ci)))}]"));
        return $"{law.Name}: {columns}; y = [{string.Join(", ", data.Target.Select(v => v.ToString("R", ci)))}]; " +
               $"weights {(data.Weights is null ? "none" : string.Join(", ", data.Weights.Select(v => v.ToString("R", ci))))}; " +
               $"{options.ResidualSpace}, {options.Loss}, fixed {string.Join(", ", options.FixedParameters ?? new Dictionary<string, double>())}, " +
               $"bounds {string.Join(", ", options.Bounds ?? new Dictionary<string, ParameterBounds>())}, starts {options.Starts}, max iterations {options.MaxIterations}";
    }
}
