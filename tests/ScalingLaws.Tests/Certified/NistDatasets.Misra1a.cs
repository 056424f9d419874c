namespace ScalingLaws.Tests.Certified;

// NIST StRD nonlinear regression dataset Misra1a (Lower difficulty), public-domain U.S. government data:
// https://www.itl.nist.gov/div898/strd/nls/data/misra1a.shtml
// Transcribed from: R nlsr .prb copy of Misra1a.dat.
// Checked offline with 50-digit arithmetic: the data reproduce the certified residual sum of squares, a Gauss-Newton step
// from the certified values moves no parameter beyond its 10th significant digit, and s^2 (J'J)^-1 at the certified values
// reproduces every certified standard deviation to at least 9 significant digits.
internal static partial class NistDatasets
{
    public static NistDataset Misra1a { get; } = new()
    {
        Name = "Misra1a",
        Difficulty = "Lower",
        Formula = "y = b1*(1-exp[-b2*x])",
        InputNames = ["x"],
        Start1 = [500.0, 0.0001],
        Start2 = [250.0, 0.0005],
        CertifiedValues = [2.3894212918E+02, 5.5015643181E-04],
        CertifiedStandardDeviations = [2.7070075241E+00, 7.2668688436E-06],
        CertifiedResidualSumOfSquares = 1.2455138894E-01,
        LogResponse = false,
        Value = static (p, x) => p[0] * (1.0 - Math.Exp(-p[1] * x[0])),
        Gradient = static (p, x, g) =>
        {
            var e = Math.Exp(-p[1] * x[0]);
            g[0] = 1.0 - e;
            g[1] = p[0] * x[0] * e;
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
