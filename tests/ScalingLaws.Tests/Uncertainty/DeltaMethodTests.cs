using MathNet.Numerics.Distributions;

namespace ScalingLaws.Tests.Uncertainty;

public class DeltaMethodTests
{
    private static readonly Lazy<FitResult> Fit = new(() => ScalingLawFitter.Fit(new SaturatingPowerLaw(), UncertaintyData.Saturating(40, 0.05, 7)));

    [Fact]
    public void Estimate_LinearFunction_MatchesAnalyticVariance()
    {
        // g = 2E − 3A + 5·alpha is linear, so Var g = cᵀΣc exactly; the numerical gradient is exact up to rounding
        // (about 1e-13 relative with steps of 1e-3·|θ|), hence 1e-9 relative.
        const double relativeTolerance = 1e-9;
        var fit = Fit.Value;
        double[] c = [2.0, -3.0, 5.0];
        var cov = fit.Covariance!;
        var variance = 0.0;
        for (var a = 0; a < 3; a++)
        {
            for (var b = 0; b < 3; b++)
            {
                variance += c[a] * cov[a, b] * c[b];
            }
        }

        var estimate = DeltaMethod.Estimate(fit, p => (2.0 * p[0]) - (3.0 * p[1]) + (5.0 * p[2]));

        estimate.Value.Should().Be((2.0 * fit.Parameters[0]) - (3.0 * fit.Parameters[1]) + (5.0 * fit.Parameters[2]));
        estimate.StandardError.Should().BeApproximately(Math.Sqrt(variance), relativeTolerance * Math.Sqrt(variance));
        estimate.Gradient.Should().Equal(c, (actual, expected) => Math.Abs(actual - expected) <= 1e-9 * Math.Abs(expected));
        var t = StudentT.InvCDF(0.0, 1.0, fit.DegreesOfFreedom, 0.975);
        estimate.Interval.Lower.Should().BeApproximately(estimate.Value - (t * estimate.StandardError), 1e-12);
        estimate.Interval.Upper.Should().BeApproximately(estimate.Value + (t * estimate.StandardError), 1e-12);
        estimate.DegreesOfFreedom.Should().Be(37);
        estimate.UnavailableReason.Should().BeNull();
    }

    [Fact]
    public void Estimate_ParameterItself_EqualsFitStandardErrorAndInterval()
    {
        var fit = Fit.Value;

        var estimate = DeltaMethod.Estimate(fit, p => p[2]);

        // Same covariance and quantile; only the numerical gradient (exactly 1 up to rounding) differs.
        estimate.StandardError.Should().BeApproximately(fit.StandardErrors[2], 1e-10 * fit.StandardErrors[2]);
        estimate.Interval.Lower.Should().BeApproximately(fit.ConfidenceIntervals[2].Lower, 1e-10);
        estimate.Interval.Upper.Should().BeApproximately(fit.ConfidenceIntervals[2].Upper, 1e-10);
    }

    [Fact]
    public void Estimate_NonlinearQuantity_NumericalGradientMatchesAnalytic()
    {
        // Prediction at x0 = 1e6, far outside the data: g = E + A·x0^(−alpha); ∂g = (1, x0^(−α), −A·x0^(−α)·ln x0).
        // Richardson-extrapolated central differences: truncation O(h⁴) with h = 1e-3·|θ|, so 1e-7 relative.
        const double x0 = 1e6;
        var fit = Fit.Value;
        double Quantity(IReadOnlyList<double> p) => p[0] + (p[1] * Math.Pow(x0, -p[2]));
        IReadOnlyList<double> Gradient(IReadOnlyList<double> p)
        {
            var power = Math.Pow(x0, -p[2]);
            return [1.0, power, -p[1] * power * Math.Log(x0)];
        }

        var numerical = DeltaMethod.Estimate(fit, Quantity, 0.9);
        var analytic = DeltaMethod.Estimate(fit, Quantity, Gradient, 0.9);

        numerical.StandardError.Should().BeApproximately(analytic.StandardError, 1e-7 * analytic.StandardError);
        numerical.Interval.ConfidenceLevel.Should().Be(0.9);
    }

    [Fact]
    public void Estimate_NoCovariance_ReturnsNaNWithReason()
    {
        // Three points for three parameters: no residual degrees of freedom, so no covariance. A numerical outcome: no throw.
        double[] x = [1.0, 10.0, 100.0];
        double[] y = [11.0, 1.0 + (10.0 / Math.Sqrt(10.0)), 2.0];
        var fit = ScalingLawFitter.Fit(new SaturatingPowerLaw(), x, y);

        var estimate = DeltaMethod.Estimate(fit, p => p[2]);

        estimate.Value.Should().Be(fit.Parameters[2]);
        estimate.StandardError.Should().Be(double.NaN);
        estimate.Interval.IsFinite.Should().BeFalse();
        estimate.UnavailableReason.Should().Contain("covariance");
        estimate.ToString().Should().Contain("unavailable");
    }

    [Fact]
    public void Estimate_GradientOfWrongLength_ThrowsNamingGradient()
    {
        var act = () => DeltaMethod.Estimate(Fit.Value, p => p[0], _ => [1.0, 0.0]);

        act.Should().Throw<ArgumentException>().WithParameterName("gradient").WithMessage("*2 entries*3 parameters*");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Estimate_LevelOutsideUnitInterval_Throws(double confidence)
    {
        var act = () => DeltaMethod.Estimate(Fit.Value, p => p[0], confidence);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("level");
    }

    [Fact]
    public void Estimate_NullQuantity_Throws()
    {
        var act = () => DeltaMethod.Estimate(Fit.Value, null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("quantity");
    }
}
