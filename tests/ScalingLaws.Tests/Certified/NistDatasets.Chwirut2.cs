namespace ScalingLaws.Tests.Certified;

// NIST StRD nonlinear regression dataset Chwirut2 (Lower difficulty), public-domain U.S. government data:
// https://www.itl.nist.gov/div898/strd/nls/data/chwirut2.shtml
// Transcribed from: R nlsr .prb copy of Chwirut2.dat.
// Checked offline with 50-digit arithmetic: the data reproduce the certified residual sum of squares, a Gauss-Newton step
// from the certified values moves no parameter beyond its 10th significant digit, and s^2 (J'J)^-1 at the certified values
// reproduces every certified standard deviation to at least 9 significant digits.
internal static partial class NistDatasets
{
    public static NistDataset Chwirut2 { get; } = new()
    {
        Name = "Chwirut2",
        Difficulty = "Lower",
        Formula = "y = exp[-b1*x]/(b2+b3*x)",
        InputNames = ["x"],
        Start1 = [0.1, 0.01, 0.02],
        Start2 = [0.15, 0.008, 0.010],
        CertifiedValues = [1.6657666537E-01, 5.1653291286E-03, 1.2150007096E-02],
        CertifiedStandardDeviations = [3.8303286810E-02, 6.6621605126E-04, 1.5304234767E-03],
        CertifiedResidualSumOfSquares = 5.1304802941E+02,
        LogResponse = false,
        Value = static (p, x) => Math.Exp(-p[0] * x[0]) / (p[1] + (p[2] * x[0])),
        Gradient = static (p, x, g) =>
        {
            var e = Math.Exp(-p[0] * x[0]);
            var d = p[1] + (p[2] * x[0]);
            g[0] = -x[0] * e / d;
            g[1] = -e / (d * d);
            g[2] = -x[0] * e / (d * d);
        },
        Response =
        [
            92.9000E0, 57.1000E0, 31.0500E0, 11.5875E0, 8.0250E0, 63.6000E0, 21.4000E0, 14.2500E0,
            8.4750E0, 63.8000E0, 26.8000E0, 16.4625E0, 7.1250E0, 67.3000E0, 41.0000E0, 21.1500E0,
            8.1750E0, 81.5000E0, 13.1200E0, 59.9000E0, 14.6200E0, 32.9000E0, 5.4400E0, 12.5600E0,
            5.4400E0, 32.0000E0, 13.9500E0, 75.8000E0, 20.0000E0, 10.4200E0, 59.5000E0, 21.6700E0,
            8.5500E0, 62.0000E0, 20.2000E0, 7.7600E0, 3.7500E0, 11.8100E0, 54.7000E0, 23.7000E0,
            11.5500E0, 61.3000E0, 17.7000E0, 8.7400E0, 59.2000E0, 16.3000E0, 8.6200E0, 81.0000E0,
            4.8700E0, 14.6200E0, 81.7000E0, 17.1700E0, 81.3000E0, 28.9000E0,
        ],
        Inputs =
        [
            [
                0.500E0, 1.000E0, 1.750E0, 3.750E0, 5.750E0, 0.875E0, 2.250E0, 3.250E0,
                5.250E0, 0.750E0, 1.750E0, 2.750E0, 4.750E0, 0.625E0, 1.250E0, 2.250E0,
                4.250E0, 0.500E0, 3.000E0, 0.750E0, 3.000E0, 1.500E0, 6.000E0, 3.000E0,
                6.000E0, 1.500E0, 3.000E0, 0.500E0, 2.000E0, 4.000E0, 0.750E0, 2.000E0,
                5.000E0, 0.750E0, 2.250E0, 3.750E0, 5.750E0, 3.000E0, 0.750E0, 2.500E0,
                4.000E0, 0.750E0, 2.500E0, 4.000E0, 0.750E0, 2.500E0, 4.000E0, 0.500E0,
                6.000E0, 3.000E0, 0.500E0, 2.750E0, 0.500E0, 1.750E0,
            ],
        ],
    };
}
