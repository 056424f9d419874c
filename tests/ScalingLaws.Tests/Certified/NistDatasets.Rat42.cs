namespace ScalingLaws.Tests.Certified;

// NIST StRD nonlinear regression dataset Rat42 (Higher difficulty), public-domain U.S. government data:
// https://www.itl.nist.gov/div898/strd/nls/data/rat42.shtml
// Transcribed from: R nlsr .prb copy of Rat42.dat (Ratkowsky2).
// Checked offline with 50-digit arithmetic: the data reproduce the certified residual sum of squares, a Gauss-Newton step
// from the certified values moves no parameter beyond its 10th significant digit, and s^2 (J'J)^-1 at the certified values
// reproduces every certified standard deviation to at least 9 significant digits.
internal static partial class NistDatasets
{
    public static NistDataset Rat42 { get; } = new()
    {
        Name = "Rat42",
        Difficulty = "Higher",
        Formula = "y = b1 / (1+exp[b2-b3*x])",
        InputNames = ["x"],
        Start1 = [100.0, 1.0, 0.1],
        Start2 = [75.0, 2.5, 0.07],
        CertifiedValues = [7.2462237576E+01, 2.6180768402E+00, 6.7359200066E-02],
        CertifiedStandardDeviations = [1.7340283401E+00, 8.8295217536E-02, 3.4465663377E-03],
        CertifiedResidualSumOfSquares = 8.0565229338E+00,
        LogResponse = false,
        Value = static (p, x) => p[0] / (1.0 + Math.Exp(p[1] - (p[2] * x[0]))),
        Gradient = static (p, x, g) =>
        {
            var e = Math.Exp(p[1] - (p[2] * x[0]));
            var d = 1.0 + e;
            g[0] = 1.0 / d;
            g[1] = -p[0] * e / (d * d);
            g[2] = p[0] * x[0] * e / (d * d);
        },
        Response =
        [
            8.930E0, 10.800E0, 18.590E0, 22.330E0, 39.350E0, 56.110E0, 61.730E0, 64.620E0,
            67.080E0,
        ],
        Inputs =
        [
            [
                9.000E0, 14.000E0, 21.000E0, 28.000E0, 42.000E0, 57.000E0, 63.000E0, 70.000E0,
                79.000E0,
            ],
        ],
    };
}
