using MathNet.Numerics.LinearAlgebra;

namespace ScalingLaws.Tests.Extrapolation;

public class LogLogRegressionTests
{
    // Porian et al.'s exponents are exact OLS slopes of log N* on log C (scikit-learn LinearRegression); issue #4 asks for
    // 1e-4 absolute. The same regression in double precision agrees to ~1e-15.
    private const double PorianExponentTolerance = 1e-4;

    [Fact]
    public void Fit_ExactPowerLaw_RecoversExponentAndCoefficient()
    {
        double[] x = [1e16, 1e17, 1e18, 1e19, 1e20];
        var y = x.Select(v => 0.118 * Math.Pow(v, 0.497)).ToArray();

        var fit = LogLogRegression.Fit(x, y);

        fit.Exponent.Should().BeApproximately(0.497, 1e-12);
        fit.Coefficient.Should().BeApproximately(0.118, 1e-10 * 0.118);
        fit.RSquared.Should().BeApproximately(1.0, 1e-12);
        fit.ExponentStandardError.Should().BeApproximately(0.0, 1e-10);
        fit.Predict(1e21).Should().BeApproximately(0.118 * Math.Pow(1e21, 0.497), 1e-9 * 0.118 * Math.Pow(1e21, 0.497));
    }

    [Fact]
    public void Fit_WeightedData_MatchesMatrixWeightedLeastSquares()
    {
        // Reference: β = (XᵀWX)⁻¹XᵀWy and Cov β = s²(XᵀWX)⁻¹ with s² = Σw r²/(n − 2), computed with MathNet matrices.
        double[] x = [1.0, 2.0, 5.0, 10.0, 20.0, 50.0];
        double[] y = [3.1, 2.4, 1.9, 1.45, 1.2, 0.93];
        double[] w = [1.0, 2.0, 0.5, 3.0, 1.5, 1.0];
        var design = Matrix<double>.Build.Dense(6, 2, (i, j) => j == 0 ? 1.0 : Math.Log(x[i]));
        var weights = Matrix<double>.Build.DenseOfDiagonalArray(w);
        var target = Vector<double>.Build.Dense(6, i => Math.Log(y[i]));
        var normal = design.TransposeThisAndMultiply(weights * design);
        var beta = normal.Solve(design.TransposeThisAndMultiply(weights * target));
        var residuals = target - (design * beta);
        var s2 = residuals.PointwiseMultiply(residuals).DotProduct(Vector<double>.Build.DenseOfArray(w)) / 4.0;
        var covariance = normal.Inverse() * s2;

        var fit = LogLogRegression.Fit(x, y, w);

        fit.IsWeighted.Should().BeTrue();
        fit.LogCoefficient.Should().BeApproximately(beta[0], 1e-12);
        fit.Exponent.Should().BeApproximately(beta[1], 1e-12);
        fit.LogCoefficientStandardError.Should().BeApproximately(Math.Sqrt(covariance[0, 0]), 1e-12);
        fit.ExponentStandardError.Should().BeApproximately(Math.Sqrt(covariance[1, 1]), 1e-12);
        fit.ExponentLogCoefficientCovariance.Should().BeApproximately(covariance[0, 1], 1e-12);
        fit.DegreesOfFreedom.Should().Be(4);
    }

    [Fact]
    public void Fit_WeightsScaledByConstant_LeavesEstimatesAndErrorsUnchanged()
    {
        double[] x = [1.0, 2.0, 5.0, 10.0, 20.0];
        double[] y = [3.1, 2.4, 1.9, 1.45, 1.2];
        double[] w = [1.0, 2.0, 0.5, 3.0, 1.5];

        var a = LogLogRegression.Fit(x, y, w);
        var b = LogLogRegression.Fit(x, y, w.Select(v => 1000.0 * v).ToArray());

        b.Exponent.Should().BeApproximately(a.Exponent, 1e-13);
        b.ExponentStandardError.Should().BeApproximately(a.ExponentStandardError, 1e-13);
        b.ExponentInterval.Lower.Should().BeApproximately(a.ExponentInterval.Lower, 1e-13);
    }

    [Fact]
    public void Fit_TwoPoints_ExactLineWithNaNErrors()
    {
        var fit = LogLogRegression.Fit([1.0, 10.0], [2.0, 20.0]);

        fit.Exponent.Should().BeApproximately(1.0, 1e-15);
        double.IsNaN(fit.ExponentStandardError).Should().BeTrue();
        fit.ExponentInterval.IsFinite.Should().BeFalse();
    }

    [Fact]
    public void Extrapolate_BeyondFittedRange_FlagsAndWidensIntervals()
    {
        double[] x = [1.0, 2.0, 5.0, 10.0, 20.0];
        double[] y = [3.1, 2.4, 1.9, 1.45, 1.2];
        var fit = LogLogRegression.Fit(x, y);

        var inside = fit.Extrapolate(5.0);
        var outside = fit.Extrapolate(1000.0);

        inside.IsOutsideFittedRange.Should().BeFalse();
        outside.IsOutsideFittedRange.Should().BeTrue();
        (outside.ConfidenceUpper / outside.ConfidenceLower).Should().BeGreaterThan(inside.ConfidenceUpper / inside.ConfidenceLower);
        outside.PredictionInterval.Contains(outside.Value).Should().BeTrue();
    }

    [Theory]
    [InlineData(new[] { 1.0, 2.0 }, new[] { 1.0 }, "y")]
    [InlineData(new[] { 1.0 }, new[] { 1.0 }, "x")]
    [InlineData(new[] { 1.0, -2.0, 3.0 }, new[] { 1.0, 1.0, 1.0 }, "x")]
    [InlineData(new[] { 1.0, 2.0, 3.0 }, new[] { 1.0, 0.0, 1.0 }, "y")]
    [InlineData(new[] { 2.0, 2.0, 2.0 }, new[] { 1.0, 2.0, 3.0 }, "x")]
    public void Fit_InvalidInput_ThrowsNamingTheArgument(double[] x, double[] y, string parameter)
    {
        var act = () => LogLogRegression.Fit(x, y);

        act.Should().Throw<ArgumentException>().WithParameterName(parameter);
    }

    [Fact]
    public void Fit_ZeroWeight_ThrowsNamingTheIndex()
    {
        var act = () => LogLogRegression.Fit([1.0, 2.0, 3.0], [1.0, 2.0, 3.0], [1.0, 0.0, 1.0]);

        act.Should().Throw<ArgumentException>().WithParameterName("weights").WithMessage("weights[1] = 0*");
    }

    [Theory]
    [InlineData("rw|base|long|kaplan|kaplan|train")]
    [InlineData("rw|base|long|kaplan|standard|val")]
    [InlineData("rw|base|short|kaplan|standard|val")]
    [InlineData("rw|base|short|chinchilla|standard|val")]
    [InlineData("rw|tuned|short|const|standard|val")]
    [InlineData("rw|base|long|kaplan|attention|train")]
    [InlineData("rw|base|short|kaplan|attention|train")]
    [InlineData("rw|base|short|chinchilla|attention|train")]
    [InlineData("rw|tuned|short|const|attention|train")]
    [InlineData("owt2|base|long|kaplan|kaplan|train")]
    [InlineData("owt2|base|long|kaplan|standard|val")]
    [InlineData("owt2|base|short|kaplan|standard|val")]
    [InlineData("owt2|base|short|chinchilla|standard|val")]
    [InlineData("owt2|tuned|short|const|standard|val")]
    [InlineData("rw|tuned|long|const|kaplan|train")]
    public void Fit_PorianOptimalPairs_ReproducesPublishedExponents(string config)
    {
        // fit_results.json (Porian et al. 2024): n_exponent of the unweighted and the 1/n_star_std²-weighted regression
        // of log N* on log C over every budget with a value.
        var points = ExtrapolationTestData.Pairs.Where(p => p.Config == config && double.IsFinite(p.N)).ToArray();
        var c = points.Select(p => p.Flops).ToArray();
        var n = points.Select(p => p.N).ToArray();
        var w = points.Select(p => 1.0 / (p.NStarStd * p.NStarStd)).ToArray();
        var published = ExtrapolationTestData.Published[config];

        var basic = LogLogRegression.Fit(c, n);
        var weighted = LogLogRegression.Fit(c, n, w);

        points.Should().HaveCountGreaterThan(3);
        basic.Exponent.Should().BeApproximately(published.BasicExponent, PorianExponentTolerance);
        weighted.Exponent.Should().BeApproximately(published.WeightedExponent, PorianExponentTolerance);
    }

    [Fact]
    public void Fit_PorianBootstrapDraws_ReproducesPublishedPercentileInterval()
    {
        // The authors refit the exponent on each complete seed-noise draw of N*(C) (bootstrap_samples/) and report the
        // 2.5th and 97.5th percentiles (numpy's linear rule) in fit_results.json. Same draws and rule: agreement to ~1e-15.
        const string config = "rw|tuned|short|const|standard|val";
        var lines = File.ReadAllLines(ExtrapolationTestData.PorianFile("bootstrap_samples/rw_tuned_short_const_standard_val.csv")).Skip(1)
            .Select(l => l.Split(',')).ToArray();
        var draws = lines.GroupBy(f => f[1]).Select(g => g.ToArray()).ToArray();
        var budgets = draws.Max(d => d.Length);
        var exponents = draws.Where(d => d.Length == budgets && d.All(f => f.Skip(2).All(v => v.Length > 0)))
            .Select(d => LogLogRegression.Fit(
                d.Select(f => double.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
                d.Select(f => double.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture)).ToArray()).Exponent)
            .ToArray();

        var interval = ScalingLaws.Internal.DerivedQuantityMath.PercentileInterval(exponents, 0.95);

        exponents.Should().HaveCount(1000);
        interval.Lower.Should().BeApproximately(ExtrapolationTestData.Published[config].BootstrapLower, 1e-12);
        interval.Upper.Should().BeApproximately(ExtrapolationTestData.Published[config].BootstrapUpper, 1e-12);
    }
}
