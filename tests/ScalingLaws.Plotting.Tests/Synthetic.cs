namespace ScalingLaws.Plotting.Tests;

/// <summary>Exact synthetic data from known parameters (no noise), so fits are fast and deterministic.</summary>
internal static class Synthetic
{
    /// <summary>Parameters E, A, alpha, B, beta used for the Chinchilla-style data (Epoch AI's fit, rounded).</summary>
    public static readonly double[] ChinchillaParameters = [1.82, 478.0, 0.347, 2144.0, 0.367];

    /// <summary>IsoFLOP-style runs: 6 budgets × 7 model sizes, D = C/(6N), loss from the law times a small deterministic
    /// multiplicative wiggle so the fit has residuals.</summary>
    public static Observations Chinchilla()
    {
        var n = new List<double>();
        var c = new List<double>();
        var d = new List<double>();
        var loss = new List<double>();
        var law = new ChinchillaLaw();
        var i = 0;
        foreach (var budget in new[] { 1e18, 3e18, 1e19, 3e19, 1e20, 3e20 })
        {
            var center = 0.05 * Math.Pow(budget, 0.51);
            for (var k = -3; k <= 3; k++)
            {
                var size = center * Math.Pow(10.0, 0.25 * k);
                var tokens = budget / (6.0 * size);
                n.Add(size);
                c.Add(budget);
                d.Add(tokens);
                loss.Add(law.Evaluate(ChinchillaParameters, [size, tokens]) * (1.0 + (0.002 * Math.Sin(1.7 * i++))));
            }
        }

        return new Observations(["N", "C", "D"], [n.ToArray(), c.ToArray(), d.ToArray()], loss.ToArray(), targetName: "loss");
    }

    /// <summary>A power law plus constant in compute, 20 points over 3 decades.</summary>
    public static Observations PowerLawInCompute()
    {
        var x = Enumerable.Range(0, 20).Select(i => Math.Pow(10.0, 17.0 + (0.15 * i))).ToArray();
        var y = x.Select((v, i) => (1.7 + (300.0 * Math.Pow(v, -0.12))) * (1.0 + (0.003 * Math.Sin(2.3 * i)))).ToArray();
        return Observations.FromArrays("C", x, y);
    }

    public static FitResult FitChinchilla() => ScalingLawFitter.Fit(new ChinchillaLaw(), Chinchilla(),
        FitOptions.Default with { ResidualSpace = ResidualSpace.Log });

    public static FitResult FitPowerLaw() => ScalingLawFitter.Fit(new SaturatingPowerLaw("C"), PowerLawInCompute(),
        FitOptions.Default with { ResidualSpace = ResidualSpace.Log });
}
