namespace ScalingLaws.Tests.Reliability;

/// <summary>Inputs found by <see cref="FitterFuzzTests"/> that broke the fitter, pinned as plain tests (the fuzz draws new cases
/// on every run, so a bug it found once must be kept here).</summary>
public class FitterRegressionTests
{
    [Fact]
    public void Fit_JacobianTooLargeToSquare_ReturnsResultWithoutCovarianceInsteadOfMathNetException()
    {
        // x at the smallest subnormal: log x = −744, so ∂f/∂alpha = −A·x^−alpha·log x squares past double.MaxValue. JᵀJ was
        // handed to MathNet's eigensolver, which indexes out of its arrays on ∞ (IndexOutOfRangeException from
        // ManagedLinearAlgebraProvider.SymmetricDiagonalize).
        var options = FitOptions.Default with
        {
            Loss = LossFunction.Huber(692.6),
            FixedParameters = new Dictionary<string, double> { ["A"] = 24687231.012048192 },
            MaxIterations = 3,
        };

        var fit = ScalingLawFitter.Fit(new PowerLaw(), [double.Epsilon, double.Epsilon], [38051199.78571428, -1.1e-74], options);

        fit.Covariance.Should().BeNull();
        fit.CovarianceUnavailableReason.Should().NotBeNull();
        fit.StandardError("alpha").Should().Be(double.NaN);
        fit.Warnings.Should().NotBeEmpty(fit.ToString());
    }

    [Fact]
    public void Fit_WeightNearDoubleMax_WarnsThatTheObjectiveOverflows()
    {
        // A weight of 1.8e308 makes w·r² overflow: the fit used to report "Converged" with objective ∞ and no warning.
        double[] x = [2405000000, 27213, 938.5, 822, 379, 255];
        double[] y = [5.006E-33, -294.5376344086022, -31997, 715034933, -1.1111111111111112, -0.1];
        double[] weights = [348, 275.4378891456818, 84.54166666666667, 959, double.MaxValue, 1];
        var options = FitOptions.Default with
        {
            FixedParameters = new Dictionary<string, double> { ["alpha"] = 2.0 },
            Bounds = new Dictionary<string, ParameterBounds> { ["A"] = new(0.010526315789473684, 67250593) },
        };

        var fit = ScalingLawFitter.Fit(new PowerLaw(), Observations.FromArrays("x", x, y, weights), options);
        var unweighted = ScalingLawFitter.Fit(new PowerLaw(), x, y, options);

        double.IsFinite(fit.Objective).Should().BeFalse("the weighted objective exceeds the range of a double");
        fit.Warnings.Should().Contain(w => w.Contains("overflows", StringComparison.Ordinal), fit.ToString());
        unweighted.Warnings.Should().NotContain(w => w.Contains("overflows", StringComparison.Ordinal), "without the huge weight nothing overflows");
    }
}
