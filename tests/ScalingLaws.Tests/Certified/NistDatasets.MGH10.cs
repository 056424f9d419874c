namespace ScalingLaws.Tests.Certified;

// NIST StRD nonlinear regression dataset MGH10 (Higher difficulty), public-domain U.S. government data:
// https://www.itl.nist.gov/div898/strd/nls/data/mgh10.shtml
// Transcribed from: R nlsr .prb copy of MGH10.dat; header also in pages copy of ceres-solver data/nist/MGH10.dat.
// Checked offline with 50-digit arithmetic: the data reproduce the certified residual sum of squares, a Gauss-Newton step
// from the certified values moves no parameter beyond its 10th significant digit, and s^2 (J'J)^-1 at the certified values
// reproduces every certified standard deviation to at least 9 significant digits.
internal static partial class NistDatasets
{
    public static NistDataset MGH10 { get; } = new()
    {
        Name = "MGH10",
        Difficulty = "Higher",
        Formula = "y = b1 * exp[b2/(x+b3)]",
        InputNames = ["x"],
        Start1 = [2.0, 400000.0, 25000.0],
        Start2 = [0.02, 4000.0, 250.0],
        CertifiedValues = [5.6096364710E-03, 6.1813463463E+03, 3.4522363462E+02],
        CertifiedStandardDeviations = [1.5687892471E-04, 2.3309021107E+01, 7.8486103508E-01],
        CertifiedResidualSumOfSquares = 8.7945855171E+01,
        LogResponse = false,
        Value = static (p, x) => p[0] * Math.Exp(p[1] / (x[0] + p[2])),
        Gradient = static (p, x, g) =>
        {
            var s = x[0] + p[2];
            var e = Math.Exp(p[1] / s);
            g[0] = e;
            g[1] = p[0] * e / s;
            g[2] = -p[0] * e * p[1] / (s * s);
        },
        Response =
        [
            3.478000E+04, 2.861000E+04, 2.365000E+04, 1.963000E+04, 1.637000E+04, 1.372000E+04, 1.154000E+04, 9.744000E+03,
            8.261000E+03, 7.030000E+03, 6.005000E+03, 5.147000E+03, 4.427000E+03, 3.820000E+03, 3.307000E+03, 2.872000E+03,
        ],
        Inputs =
        [
            [
                5.000000E+01, 5.500000E+01, 6.000000E+01, 6.500000E+01, 7.000000E+01, 7.500000E+01, 8.000000E+01, 8.500000E+01,
                9.000000E+01, 9.500000E+01, 1.000000E+02, 1.050000E+02, 1.100000E+02, 1.150000E+02, 1.200000E+02, 1.250000E+02,
            ],
        ],
    };
}
