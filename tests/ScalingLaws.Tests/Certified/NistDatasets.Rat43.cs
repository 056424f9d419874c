namespace ScalingLaws.Tests.Certified;

// NIST StRD nonlinear regression dataset Rat43 (Higher difficulty), public-domain U.S. government data:
// https://www.itl.nist.gov/div898/strd/nls/data/rat43.shtml
// Transcribed from: R nlsr .prb copy of Rat43.dat (Ratkowsky3).
// Checked offline with 50-digit arithmetic: the data reproduce the certified residual sum of squares, a Gauss-Newton step
// from the certified values moves no parameter beyond its 10th significant digit, and s^2 (J'J)^-1 at the certified values
// reproduces every certified standard deviation to at least 9 significant digits.
internal static partial class NistDatasets
{
    public static NistDataset Rat43 { get; } = new()
    {
        Name = "Rat43",
        Difficulty = "Higher",
        Formula = "y = b1 / ((1+exp[b2-b3*x])**(1/b4))",
        InputNames = ["x"],
        Start1 = [100.0, 10.0, 1.0, 1.0],
        Start2 = [700.0, 5.0, 0.75, 1.3],
        CertifiedValues = [6.9964151270E+02, 5.2771253025E+00, 7.5962938329E-01, 1.2792483859E+00],
        CertifiedStandardDeviations = [1.6302297817E+01, 2.0828735829E+00, 1.9566123451E-01, 6.8761936385E-01],
        CertifiedResidualSumOfSquares = 8.7864049080E+03,
        LogResponse = false,
        Value = static (p, x) => p[0] / Math.Pow(1.0 + Math.Exp(p[1] - (p[2] * x[0])), 1.0 / p[3]),
        Gradient = static (p, x, g) =>
        {
            var e = Math.Exp(p[1] - (p[2] * x[0]));
            var logBase = Math.Log(1.0 + e);
            var power = Math.Exp(-logBase / p[3]);
            var share = e / (1.0 + e);
            g[0] = power;
            g[1] = -p[0] * power * share / p[3];
            g[2] = p[0] * power * share * x[0] / p[3];
            g[3] = p[0] * power * logBase / (p[3] * p[3]);
        },
        Response =
        [
            16.08E0, 33.83E0, 65.80E0, 97.20E0, 191.55E0, 326.20E0, 386.87E0, 520.53E0,
            590.03E0, 651.92E0, 724.93E0, 699.56E0, 689.96E0, 637.56E0, 717.41E0,
        ],
        Inputs =
        [
            [
                1.0E0, 2.0E0, 3.0E0, 4.0E0, 5.0E0, 6.0E0, 7.0E0, 8.0E0,
                9.0E0, 10.0E0, 11.0E0, 12.0E0, 13.0E0, 14.0E0, 15.0E0,
            ],
        ],
    };
}
