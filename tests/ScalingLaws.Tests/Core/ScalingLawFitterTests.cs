using System.Globalization;

namespace ScalingLaws.Tests.Core;

/// <summary>Fitter features with known answers: bounds, fixed parameters, weights, closed forms, robustness, multi-start
/// determinism, failure statuses, covariance and warnings, formatting and prediction.</summary>
public class ScalingLawFitterTests
{
    // Exact synthetic data or closed-form answers: agreement to rounding and solver tolerance.
    private const double ExactRelativeTolerance = 1e-8;

    // Two fits of the same objective in different parameterizations/layouts: same optimum to solver tolerance.
    private const double SameOptimumRelativeTolerance = 1e-7;

    private static readonly FitOptions LogLeastSquares = FitOptions.Default with { ResidualSpace = ResidualSpace.Log };

    private static bool Close(double actual, double expected, double relative) => Math.Abs(actual - expected) <= relative * Math.Max(Math.Abs(expected), 1e-300);

    // ---------------------------------------------------------------- bounds

    [Fact]
    public void Fit_UpperBoundBelowOptimum_StopsOnBoundWithWarning()
    {
        var data = SyntheticData.Saturating(0.0);
        var bounds = new Dictionary<string, ParameterBounds> { ["E"] = new(double.NegativeInfinity, 1.5) };

        var fit = ScalingLawFitter.Fit(new SaturatingPowerLaw(), data, FitOptions.Default with { Bounds = bounds });

        fit["E"].Should().BeApproximately(1.5, 1e-12, "the unconstrained optimum is E = 1.8 > 1.5");
        fit.Warnings.Should().Contain(w => w.Contains("parameter E", StringComparison.Ordinal) && w.Contains("bound", StringComparison.Ordinal));

        // Known answer: on the bound, the other parameters are those of the fit with E held at 1.5.
        var fixedFit = ScalingLawFitter.Fit(new SaturatingPowerLaw(), data,
            FitOptions.Default with { FixedParameters = new Dictionary<string, double> { ["E"] = 1.5 } });
        fit["A"].Should().BeApproximately(fixedFit["A"], SameOptimumRelativeTolerance * fixedFit["A"]);
        fit["alpha"].Should().BeApproximately(fixedFit["alpha"], SameOptimumRelativeTolerance * fixedFit["alpha"]);
        fit.Objective.Should().BeApproximately(fixedFit.Objective, SameOptimumRelativeTolerance * fixedFit.Objective);
    }

    [Fact]
    public void Fit_LowerBoundAboveOptimum_StopsOnBoundWithWarning()
    {
        var data = SyntheticData.PowerLaw(0.0); // alpha = 0.3

        var fit = ScalingLawFitter.Fit(new PowerLaw(), data,
            FitOptions.Default with { Bounds = new Dictionary<string, ParameterBounds> { ["alpha"] = new(0.35, double.PositiveInfinity) } });

        fit["alpha"].Should().BeApproximately(0.35, 1e-12);
        fit.Warnings.Should().Contain(w => w.Contains("parameter alpha", StringComparison.Ordinal) && w.Contains("bound", StringComparison.Ordinal));
    }

    [Fact]
    public void Fit_InfiniteBoundsOnNegativeOptimum_RecoversIt()
    {
        // y = −0.2 + 400·x^−0.34: E is negative, outside its default bounds [0, ∞).
        double[] truth = [-0.2, 400.0, 0.34];
        var data = SyntheticData.Generate(new SaturatingPowerLaw(), truth, ["x"], [SyntheticData.LogSpace(1e6, 1e10, 30)], 0.0, 1);

        var unbounded = ScalingLawFitter.Fit(new SaturatingPowerLaw(), data,
            FitOptions.Default with { Bounds = new Dictionary<string, ParameterBounds> { ["E"] = ParameterBounds.Unbounded } });
        var defaultBounds = ScalingLawFitter.Fit(new SaturatingPowerLaw(), data);

        unbounded.Parameters.Should().Equal(truth, (a, e) => Close(a, e, ExactRelativeTolerance), unbounded.ToString());
        unbounded.Warnings.Should().NotContain(w => w.Contains("bound", StringComparison.Ordinal));
        defaultBounds["E"].Should().BeApproximately(0.0, 1e-12);
        defaultBounds.Warnings.Should().Contain(w => w.Contains("parameter E", StringComparison.Ordinal) && w.Contains("bound", StringComparison.Ordinal));
    }

    [Fact]
    public void Fit_InactiveFiniteBounds_DoNotChangeOptimum()
    {
        var data = SyntheticData.Chinchilla(0.01);
        var bounds = new Dictionary<string, ParameterBounds>
        {
            ["alpha"] = new(0.1, 0.9),
            ["beta"] = new(0.1, 0.9),
            ["E"] = new(1.0, 3.0),
        };

        var free = ScalingLawFitter.Fit(new ChinchillaLaw(), data, LogLeastSquares);
        var bounded = ScalingLawFitter.Fit(new ChinchillaLaw(), data, LogLeastSquares with { Bounds = bounds });

        bounded.Parameters.Should().Equal(free.Parameters, (a, e) => Close(a, e, SameOptimumRelativeTolerance));
        bounded.Warnings.Should().NotContain(w => w.Contains("bound", StringComparison.Ordinal));
    }

    // ---------------------------------------------------------------- fixed parameters

    [Fact]
    public void Fit_FixedAtTrueValue_RecoversOthersAndReportsFixed()
    {
        var data = SyntheticData.Chinchilla(0.0);

        var fit = ScalingLawFitter.Fit(new ChinchillaLaw(), data,
            FitOptions.Default with { FixedParameters = new Dictionary<string, double> { ["E"] = SyntheticData.ChinchillaTruth[0] } });

        fit.Parameters.Should().Equal(SyntheticData.ChinchillaTruth, (a, e) => Close(a, e, ExactRelativeTolerance));
        fit.IsFixed.Should().Equal(true, false, false, false, false);
        fit.StandardError("E").Should().Be(0.0);
        fit.DegreesOfFreedom.Should().Be(64 - 4);
        fit.ToString().Should().Contain("(fixed)");
    }

    [Fact]
    public void Fit_FixedAtWrongValue_KeepsItExactly()
    {
        var data = SyntheticData.Chinchilla(0.01);

        var fit = ScalingLawFitter.Fit(new ChinchillaLaw(), data,
            LogLeastSquares with { FixedParameters = new Dictionary<string, double> { ["alpha"] = 0.5, ["E"] = 1.5 } });

        fit["alpha"].Should().Be(0.5);
        fit["E"].Should().Be(1.5);
        fit.DegreesOfFreedom.Should().Be(64 - 3);
        fit.Covariance.Should().NotBeNull();
        fit.Covariance!["alpha", "alpha"].Should().Be(0.0);
        fit.Covariance["A", "A"].Should().BePositive();
    }

    // ---------------------------------------------------------------- weights

    [Fact]
    public void Fit_IntegerWeights_EqualDuplicatedRows()
    {
        var data = SyntheticData.Saturating(0.01);
        var weights = Enumerable.Range(0, data.Count).Select(i => (double)(1 + (i % 3))).ToArray();
        var rows = Enumerable.Range(0, data.Count).SelectMany(i => Enumerable.Repeat(i, (int)weights[i])).ToArray();

        var weighted = ScalingLawFitter.Fit(new SaturatingPowerLaw(), data.WithWeights(weights), LogLeastSquares);
        var duplicated = ScalingLawFitter.Fit(new SaturatingPowerLaw(), data.SelectRows(rows), LogLeastSquares);

        weighted.Parameters.Should().Equal(duplicated.Parameters, (a, e) => Close(a, e, SameOptimumRelativeTolerance));
        weighted.Objective.Should().BeApproximately(duplicated.Objective, SameOptimumRelativeTolerance * duplicated.Objective);
    }

    [Fact]
    public void Fit_Weights_EqualLeastSquaresOnScaledResiduals()
    {
        // Σ w_i (y_i − f_i)² = Σ (√w_i·y_i − √w_i·f_i)²: a law g(x, s) = s·f(x) fitted to s·y without weights, s = √w.
        var data = SyntheticData.Saturating(0.01);
        var random = new Random(8);
        var weights = Enumerable.Range(0, data.Count).Select(_ => 0.2 + (5.0 * random.NextDouble())).ToArray();
        var s = weights.Select(Math.Sqrt).ToArray();
        var scaledLaw = new CustomLaw("scaled-saturating", "s*(E + A*x^(-alpha))",
            [
                new LawParameter("E", "irreducible value", ParameterScale.Linear, 0.0, double.PositiveInfinity),
                new LawParameter("A", "scale", ParameterScale.Log, 0.0, double.PositiveInfinity),
                new LawParameter("alpha", "exponent", ParameterScale.Linear, 0.0, double.PositiveInfinity),
            ],
            [new LawInput("x", "scaling variable"), new LawInput("s", "square root of the weight")],
            (p, x) => x[1] * (p[0] + (p[1] * Math.Pow(x[0], -p[2]))),
            SyntheticData.SaturatingTruth,
            (p, x, g) =>
            {
                var t = Math.Pow(x[0], -p[2]);
                g[0] = x[1];
                g[1] = x[1] * t;
                g[2] = -x[1] * p[1] * t * Math.Log(x[0]);
            });
        var scaledData = new Observations(["x", "s"], [data.Column("x").ToArray(), s], data.Target.Select((y, i) => y * s[i]).ToArray());
        var start = StartStrategy.FromPoint(SyntheticData.SaturatingTruth);

        var weighted = ScalingLawFitter.Fit(new SaturatingPowerLaw(), data.WithWeights(weights), FitOptions.Default with { Starts = start });
        var scaled = ScalingLawFitter.Fit(scaledLaw, scaledData, FitOptions.Default with { Starts = start });

        weighted.Parameters.Should().Equal(scaled.Parameters, (a, e) => Close(a, e, SameOptimumRelativeTolerance));
        weighted.Objective.Should().BeApproximately(scaled.Objective, SameOptimumRelativeTolerance * scaled.Objective);
        weighted.StandardErrors.Should().Equal(scaled.StandardErrors, (a, e) => Close(a, e, 1e-5));
        weighted.Residuals.Should().Equal(scaled.Residuals, (a, e) => Math.Abs(a - e) <= 1e-7 * (1.0 + Math.Abs(e)));
    }

    // ---------------------------------------------------------------- closed form and robustness

    [Fact]
    public void Fit_StraightLine_MatchesClosedFormLeastSquares()
    {
        var x = Enumerable.Range(1, 20).Select(i => (double)i).ToArray();
        var z = SyntheticData.Normal(x.Length, 31);
        var y = x.Select((v, i) => 3.0 + (0.5 * v) + (0.3 * z[i])).ToArray();

        var fit = ScalingLawFitter.Fit(Line(), x, y, FitOptions.Default with { Starts = StartStrategy.FromPoint(0.0, 0.0) });

        // Closed form: b = Sxy/Sxx, a = ȳ − b·x̄, s² = RSS/(n − 2), SE(b) = s/√Sxx, SE(a) = s·√(1/n + x̄²/Sxx).
        var n = x.Length;
        var xm = x.Average();
        var ym = y.Average();
        var sxx = x.Sum(v => (v - xm) * (v - xm));
        var sxy = x.Select((v, i) => (v - xm) * (y[i] - ym)).Sum();
        var b = sxy / sxx;
        var a = ym - (b * xm);
        var rss = x.Select((v, i) => Math.Pow(y[i] - a - (b * v), 2)).Sum();
        var tss = y.Sum(v => (v - ym) * (v - ym));
        var s2 = rss / (n - 2);
        var seB = Math.Sqrt(s2 / sxx);
        var seA = Math.Sqrt(s2 * ((1.0 / n) + (xm * xm / sxx)));
        var logLikelihood = -0.5 * n * (Math.Log(2.0 * Math.PI * rss / n) + 1.0);
        const double t975With18Dof = 2.10092204024096; // Student-t 97.5% quantile, 18 degrees of freedom

        fit.Converged.Should().BeTrue();
        fit["a"].Should().BeApproximately(a, ExactRelativeTolerance * Math.Abs(a));
        fit["b"].Should().BeApproximately(b, ExactRelativeTolerance * Math.Abs(b));
        fit.ResidualSumOfSquares.Should().BeApproximately(rss, 1e-10 * rss);
        fit.Objective.Should().BeApproximately(rss, 1e-10 * rss);
        fit.DegreesOfFreedom.Should().Be(18);
        fit.StandardError("a").Should().BeApproximately(seA, 1e-7 * seA);
        fit.StandardError("b").Should().BeApproximately(seB, 1e-7 * seB);
        fit.RSquared.Should().BeApproximately(1.0 - (rss / tss), 1e-12);
        fit.LogLikelihood.Should().BeApproximately(logLikelihood, 1e-9 * Math.Abs(logLikelihood));
        fit.Aic.Should().BeApproximately((2.0 * 3) - (2.0 * logLikelihood), 1e-9 * Math.Abs(logLikelihood));
        fit.Bic.Should().BeApproximately((Math.Log(n) * 3) - (2.0 * logLikelihood), 1e-9 * Math.Abs(logLikelihood));
        fit.ConfidenceIntervals[1].Lower.Should().BeApproximately(b - (t975With18Dof * seB), 1e-7 * seB);
        fit.ConfidenceIntervals[1].Upper.Should().BeApproximately(b + (t975With18Dof * seB), 1e-7 * seB);
        fit.ConfidenceIntervals[1].ConfidenceLevel.Should().Be(0.95);
        fit.Correlation!["a", "b"].Should().BeApproximately(-xm / Math.Sqrt((sxx / n) + (xm * xm)), 1e-7);
        fit.Residuals.Should().Equal(x.Select((v, i) => y[i] - a - (b * v)), (r, e) => Math.Abs(r - e) <= 1e-9);
    }

    [Fact]
    public void Fit_HuberWithOutlier_IgnoresItWhereLeastSquaresDoesNot()
    {
        var x = Enumerable.Range(0, 20).Select(i => (double)i).ToArray();
        var z = SyntheticData.Normal(x.Length, 17);
        var y = x.Select((v, i) => 1.0 + (2.0 * v) + (0.01 * z[i])).ToArray();
        y[19] += 50.0;
        var options = FitOptions.Default with { Starts = StartStrategy.FromPoint(0.0, 0.0) };

        var leastSquares = ScalingLawFitter.Fit(Line(), x, y, options);
        var huber = ScalingLawFitter.Fit(Line(), x, y, options with { Loss = LossFunction.Huber(0.1) });

        // Least squares moves the slope by 50·(19 − 9.5)/Sxx ≈ 0.71; Huber bounds the outlier's pull to δ.
        Math.Abs(leastSquares["b"] - 2.0).Should().BeGreaterThan(0.5);
        huber.Converged.Should().BeTrue(huber.ToString());
        huber["b"].Should().BeApproximately(2.0, 0.01);
        huber["a"].Should().BeApproximately(1.0, 0.05);
        huber.Residuals[19].Should().BeGreaterThan(45.0, "the outlier keeps its residual");
    }

    // ---------------------------------------------------------------- multi-start

    [Fact]
    public void Fit_StartGridSerialAndParallel_IdenticalResults()
    {
        var data = SyntheticData.Chinchilla(0.01, seed: 77);
        var grid = StartStrategy.Grid(new Dictionary<string, double[]>
        {
            ["E"] = [1.0, 2.0, 3.0],
            ["A"] = [10.0, 100.0, 1000.0],
            ["alpha"] = [0.2, 0.5, 0.8],
            ["B"] = [100.0, 1000.0, 10000.0],
            ["beta"] = [0.2, 0.5, 0.8],
        });
        var options = FitOptions.Default with { Loss = LossFunction.Huber(1e-3), ResidualSpace = ResidualSpace.Log, Starts = grid };

        var serial = ScalingLawFitter.Fit(new ChinchillaLaw(), data, options with { MaxDegreeOfParallelism = 1 });
        var parallel = ScalingLawFitter.Fit(new ChinchillaLaw(), data, options with { MaxDegreeOfParallelism = -1 });
        var again = ScalingLawFitter.Fit(new ChinchillaLaw(), data, options with { MaxDegreeOfParallelism = 2 });

        serial.MultiStart.StartsRun.Should().Be(243);
        foreach (var other in new[] { parallel, again })
        {
            other.Parameters.Should().Equal(serial.Parameters, "the choice of the best start must not depend on threads (bit-for-bit)");
            other.StandardErrors.Should().Equal(serial.StandardErrors);
            other.Objective.Should().Be(serial.Objective);
            other.MultiStart.BestStartIndex.Should().Be(serial.MultiStart.BestStartIndex);
            other.MultiStart.StartsAtBest.Should().Be(serial.MultiStart.StartsAtBest);
            other.MultiStart.StartsConverged.Should().Be(serial.MultiStart.StartsConverged);
        }
    }

    [Fact]
    public void Fit_DefaultStartsSerialAndParallel_IdenticalResults()
    {
        var data = SyntheticData.Annealing(0.01, seed: 5);

        var serial = ScalingLawFitter.Fit(new AnnealingLaw(), data, LogLeastSquares with { MaxDegreeOfParallelism = 1 });
        var parallel = ScalingLawFitter.Fit(new AnnealingLaw(), data, LogLeastSquares);

        parallel.Parameters.Should().Equal(serial.Parameters);
        parallel.MultiStart.BestStartIndex.Should().Be(serial.MultiStart.BestStartIndex);
        parallel.MultiStart.GridPointsScanned.Should().Be(serial.MultiStart.GridPointsScanned).And.BePositive();
    }

    // ---------------------------------------------------------------- failure statuses

    [Fact]
    public void Fit_IterationLimit_ReturnsMaxIterationsReachedWithoutThrowing()
    {
        var data = SyntheticData.Chinchilla(0.01);
        var options = LogLeastSquares with { MaxIterations = 1, Starts = StartStrategy.FromPoint([.. ChinchillaLaw.HoffmannParameters]) };

        var fit = ScalingLawFitter.Fit(new ChinchillaLaw(), data, options);

        fit.Diagnostics.Status.Should().Be(FitStatus.MaxIterationsReached);
        fit.Converged.Should().BeFalse();
        fit.Diagnostics.Iterations.Should().Be(1);
        fit.Diagnostics.Message.Should().NotBeNullOrWhiteSpace();
        fit.Warnings.Should().Contain(w => w.Contains("did not converge", StringComparison.Ordinal));
        fit.Parameters.Should().OnlyContain(v => double.IsFinite(v));
        var act = () => fit.EnsureConverged();
        act.Should().Throw<FitFailedException>().Which.Result.Should().BeSameAs(fit);
    }

    [Fact]
    public void Fit_LawNonFiniteEverywhere_ReturnsNonFiniteWithoutThrowing()
    {
        var law = new CustomLaw("nan", "y = NaN", [new LawParameter("a", "anything")], [new LawInput("x", "input", InputDomain.Finite)],
            (_, _) => double.NaN, [1.0]);

        var fit = ScalingLawFitter.Fit(law, [1.0, 2.0, 3.0], [1.0, 2.0, 3.0]);

        fit.Diagnostics.Status.Should().Be(FitStatus.NonFinite);
        fit.Converged.Should().BeFalse();
        fit.Parameters.Should().Equal(1.0);
        fit.Covariance.Should().BeNull();
        fit.CovarianceUnavailableReason.Should().NotBeNullOrWhiteSpace();
        fit.Warnings.Should().NotBeEmpty();
        fit.ToString().Should().Contain("NonFinite");
    }

    [Fact]
    public void Fit_StepsIntoNonPositivePredictions_AreRejectedAndFitConverges()
    {
        // y = a − b·x with log residuals: any step with b > a makes f(1) ≤ 0, an infinite objective, which must be
        // rejected and damped. From b = 0 the first Gauss–Newton step overshoots to b ≈ 3 (the slope of −log y).
        var nonPositive = 0;
        var law = new CustomLaw("line", "y = a - b*x", [new LawParameter("a", "intercept"), new LawParameter("b", "slope")],
            [new LawInput("x", "input", InputDomain.Finite)],
            (p, x) =>
            {
                var v = p[0] - (p[1] * x[0]);
                if (!(v > 0.0))
                {
                    Interlocked.Increment(ref nonPositive);
                }

                return v;
            },
            [1.0, 0.0],
            (_, x, g) =>
            {
                g[0] = 1.0;
                g[1] = -x[0];
            });
        var x = Enumerable.Range(0, 11).Select(i => i / 10.0).ToArray();
        var y = x.Select(v => 1.0 - (0.95 * v)).ToArray();

        var fit = ScalingLawFitter.Fit(law, x, y, LogLeastSquares with { Starts = StartStrategy.FromPoint(1.0, 0.0) });

        nonPositive.Should().BePositive("the test must actually drive the solver into the non-finite region");
        fit.Converged.Should().BeTrue(fit.ToString());
        fit["a"].Should().BeApproximately(1.0, 1e-8);
        fit["b"].Should().BeApproximately(0.95, 1e-8);
    }

    // ---------------------------------------------------------------- covariance and warnings

    [Fact]
    public void Fit_AsManyPointsAsParameters_CovarianceNullWithReason()
    {
        var fit = ScalingLawFitter.Fit(new PowerLaw(), [10.0, 1000.0], [5.0, 0.5]);

        fit.DegreesOfFreedom.Should().Be(0);
        fit["alpha"].Should().BeApproximately(0.5, 1e-10);
        fit["A"].Should().BeApproximately(5.0 * Math.Sqrt(10.0), 1e-9);
        fit.Covariance.Should().BeNull();
        fit.Correlation.Should().BeNull();
        fit.CovarianceUnavailableReason.Should().Contain("degrees of freedom");
        fit.StandardErrors.Should().OnlyContain(se => double.IsNaN(se));
        fit.ConfidenceIntervals.Should().OnlyContain(ci => !ci.IsFinite);
        fit.ToString().Should().Contain("covariance unavailable");
    }

    [Fact]
    public void Fit_StronglyCorrelatedParameters_Warns()
    {
        // methods.md §4: E + A·N^(−α) with α = 0.076 over 1e6–1e9 gives corr(E, α) ≈ 0.997.
        double[] truth = [1.7, 11.5, 0.076];
        var data = SyntheticData.Generate(new SaturatingPowerLaw(), truth, ["x"], [SyntheticData.LogSpace(1e6, 1e9, 30)], 0.001, 9);

        var fit = ScalingLawFitter.Fit(new SaturatingPowerLaw(), data, LogLeastSquares);

        fit.Correlation.Should().NotBeNull();
        Math.Abs(fit.Correlation!["E", "alpha"]).Should().BeGreaterThan(0.99);
        fit.Warnings.Should().Contain(w => w.Contains("strongly correlated", StringComparison.Ordinal)
            && w.Contains('E', StringComparison.Ordinal) && w.Contains("alpha", StringComparison.Ordinal));
    }

    [Fact]
    public void Fit_WeaklyCorrelatedParameters_DoesNotWarn()
    {
        var x = Enumerable.Range(-10, 21).Select(i => (double)i).ToArray();
        var z = SyntheticData.Normal(x.Length, 3);
        var y = x.Select((v, i) => 1.0 + v + (0.1 * z[i])).ToArray();

        var fit = ScalingLawFitter.Fit(Line(), x, y, FitOptions.Default with { Starts = StartStrategy.FromPoint(0.0, 0.0) });

        Math.Abs(fit.Correlation!["a", "b"]).Should().BeLessThan(1e-10, "x is centred");
        fit.Warnings.Should().BeEmpty();
    }

    // ---------------------------------------------------------------- formatting and prediction

    [Fact]
    public void ToString_CommaDecimalCulture_UsesInvariantPoint()
    {
        var fit = ScalingLawFitter.Fit(new SaturatingPowerLaw(), SyntheticData.Saturating(0.01),
            LogLeastSquares with { Loss = LossFunction.Huber(0.05) });
        var expectedAlpha = fit["alpha"].ToString("G8", CultureInfo.InvariantCulture);

        string text, interval, loss, matrix;
        using (new CultureScope("de-DE"))
        {
            text = fit.ToString();
            interval = fit.ConfidenceIntervals[2].ToString();
            loss = fit.Options.Loss.ToString();
            matrix = fit.Correlation!.ToString();
        }

        expectedAlpha.Should().Contain(".");
        text.Should().Contain(expectedAlpha).And.Contain("huber:0.05").And.NotContain(expectedAlpha.Replace('.', ','));
        interval.Should().MatchRegex(@"^\[\d+\.\d+, \d+\.\d+\] \(95%\)$");
        loss.Should().Be("huber:0.05");
        matrix.Should().NotContain(",");
    }

    [Fact]
    public void Predict_FittedLaw_EvaluatesFormulaAndMatchesFittedValues()
    {
        var data = SyntheticData.Chinchilla(0.01);
        var fit = ScalingLawFitter.Fit(new ChinchillaLaw(), data, LogLeastSquares);
        var (e, a, alpha, b, beta) = (fit["E"], fit["A"], fit["alpha"], fit["B"], fit["beta"]);

        var prediction = fit.Predict(7e10, 1.4e12);
        var expected = e + (a / Math.Pow(7e10, alpha)) + (b / Math.Pow(1.4e12, beta));

        prediction.Should().BeApproximately(expected, 1e-13 * expected);
        fit.Predict(data).Should().Equal(fit.FittedValues);
        fit.FittedValues.Select((f, i) => Math.Log(data.Target[i]) - Math.Log(f))
            .Should().Equal(fit.Residuals, (r, res) => Math.Abs(r - res) <= 1e-12);
        var act = () => fit.Predict(1e9);
        act.Should().Throw<ArgumentException>().WithMessage("*2 inputs*");
    }

    internal static CustomLaw Line() => new("line", "y = a + b*x",
        [new LawParameter("a", "intercept"), new LawParameter("b", "slope")],
        [new LawInput("x", "input", InputDomain.Finite)],
        (p, x) => p[0] + (p[1] * x[0]),
        [0.0, 0.0],
        (_, x, g) =>
        {
            g[0] = 1.0;
            g[1] = x[0];
        });
}
