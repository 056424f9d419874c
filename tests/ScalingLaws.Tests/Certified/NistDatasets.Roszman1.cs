namespace ScalingLaws.Tests.Certified;

// NIST StRD nonlinear regression dataset Roszman1 (Average difficulty), public-domain U.S. government data:
// https://www.itl.nist.gov/div898/strd/nls/data/roszman1.shtml
// Transcribed from: R nlsr .prb copy of Roszman1.dat.
// Checked offline with 50-digit arithmetic: the data reproduce the certified residual sum of squares, a Gauss-Newton step
// from the certified values moves no parameter beyond its 10th significant digit, and s^2 (J'J)^-1 at the certified values
// reproduces every certified standard deviation to at least 9 significant digits.
internal static partial class NistDatasets
{
    public static NistDataset Roszman1 { get; } = new()
    {
        Name = "Roszman1",
        Difficulty = "Average",
        Formula = "y = b1 - b2*x - arctan[b3/(x-b4)]/pi",
        InputNames = ["x"],
        Start1 = [0.1, -0.00001, 1000.0, -100.0],
        Start2 = [0.2, -0.000005, 1200.0, -150.0],
        CertifiedValues = [2.0196866396E-01, -6.1953516256E-06, 1.2044556708E+03, -1.8134269537E+02],
        CertifiedStandardDeviations = [1.9172666023E-02, 3.2058931691E-06, 7.4050983057E+01, 4.9573513849E+01],
        CertifiedResidualSumOfSquares = 4.9484847331E-04,
        LogResponse = false,
        Value = static (p, x) => p[0] - (p[1] * x[0]) - (Math.Atan(p[2] / (x[0] - p[3])) / Math.PI),
        Gradient = static (p, x, g) =>
        {
            var shift = x[0] - p[3];
            var u = p[2] / shift;
            var scale = 1.0 / (Math.PI * (1.0 + (u * u)));
            g[0] = 1.0;
            g[1] = -x[0];
            g[2] = -scale / shift;
            g[3] = -scale * p[2] / (shift * shift);
        },
        Response =
        [
            0.252429, 0.252141, 0.251809, 0.297989, 0.296257, 0.295319, 0.339603, 0.337731,
            0.333820, 0.389510, 0.386998, 0.438864, 0.434887, 0.427893, 0.471568, 0.461699,
            0.461144, 0.513532, 0.506641, 0.505062, 0.535648, 0.533726, 0.568064, 0.612886,
            0.624169,
        ],
        Inputs =
        [
            [
                -4868.68, -4868.09, -4867.41, -3375.19, -3373.14, -3372.03, -2473.74, -2472.35,
                -2469.45, -1894.65, -1893.40, -1497.24, -1495.85, -1493.41, -1208.68, -1206.18,
                -1206.04, -997.92, -996.61, -996.31, -834.94, -834.66, -710.03, -530.16,
                -464.17,
            ],
        ],
    };
}
