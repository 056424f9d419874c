namespace ScalingLaws.Tests.Certified;

// NIST StRD nonlinear regression dataset Misra1c (Average difficulty), public-domain U.S. government data:
// https://www.itl.nist.gov/div898/strd/nls/data/misra1c.shtml
// Transcribed from: R nlsr .prb copy of Misra1c.dat.
// Checked offline with 50-digit arithmetic: the data reproduce the certified residual sum of squares, a Gauss-Newton step
// from the certified values moves no parameter beyond its 10th significant digit, and s^2 (J'J)^-1 at the certified values
// reproduces every certified standard deviation to at least 9 significant digits.
internal static partial class NistDatasets
{
    public static NistDataset Misra1c { get; } = new()
    {
        Name = "Misra1c",
        Difficulty = "Average",
        Formula = "y = b1 * (1-(1+2*b2*x)**(-.5))",
        InputNames = ["x"],
        Start1 = [500.0, 0.0001],
        Start2 = [600.0, 0.0002],
        CertifiedValues = [6.3642725809E+02, 2.0813627256E-04],
        CertifiedStandardDeviations = [4.6638326572E+00, 1.7728423155E-06],
        CertifiedResidualSumOfSquares = 4.0966836971E-02,
        LogResponse = false,
        Value = static (p, x) => p[0] * (1.0 - (1.0 / Math.Sqrt(1.0 + (2.0 * p[1] * x[0])))),
        Gradient = static (p, x, g) =>
        {
            var w = 1.0 + (2.0 * p[1] * x[0]);
            g[0] = 1.0 - (1.0 / Math.Sqrt(w));
            g[1] = p[0] * x[0] / (w * Math.Sqrt(w));
        },
        Response =
        [
            10.07E0, 14.73E0, 17.94E0, 23.93E0, 29.61E0, 35.18E0, 40.02E0, 44.82E0,
            50.76E0, 55.05E0, 61.01E0, 66.40E0, 75.47E0, 81.78E0,
        ],
        Inputs =
        [
            [
                77.6E0, 114.9E0, 141.1E0, 190.8E0, 239.9E0, 289.0E0, 332.8E0, 378.4E0,
                434.8E0, 477.3E0, 536.8E0, 593.1E0, 689.1E0, 760.0E0,
            ],
        ],
    };
}
