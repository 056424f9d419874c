namespace ScalingLaws.Tests.Certified;

// NIST StRD nonlinear regression dataset Lanczos2 (Average difficulty), public-domain U.S. government data:
// https://www.itl.nist.gov/div898/strd/nls/data/lanczos2.shtml
// Transcribed from: R nlsr .prb copy of Lanczos2.dat.
// Checked offline with 50-digit arithmetic: the data reproduce the certified residual sum of squares, a Gauss-Newton step
// from the certified values moves no parameter beyond its 10th significant digit, and s^2 (J'J)^-1 at the certified values
// reproduces every certified standard deviation to at least 9 significant digits.
internal static partial class NistDatasets
{
    public static NistDataset Lanczos2 { get; } = new()
    {
        Name = "Lanczos2",
        Difficulty = "Average",
        Formula = "y = b1*exp(-b2*x) + b3*exp(-b4*x) + b5*exp(-b6*x)",
        InputNames = ["x"],
        Start1 = [1.2, 0.3, 5.6, 5.5, 6.5, 7.6],
        Start2 = [0.5, 0.7, 3.6, 4.2, 4.0, 6.3],
        CertifiedValues = [9.6251029939E-02, 1.0057332849E+00, 8.6424689056E-01, 3.0078283915E+00, 1.5529016879E+00, 5.0028798100E+00],
        CertifiedStandardDeviations = [6.6770575477E-04, 3.3989646176E-03, 1.7185846685E-03, 4.1707005856E-03, 2.3744381417E-03, 1.3958787284E-03],
        CertifiedResidualSumOfSquares = 2.2299428125E-11,
        LogResponse = false,
        Value = static (p, x) => (p[0] * Math.Exp(-p[1] * x[0])) + (p[2] * Math.Exp(-p[3] * x[0])) + (p[4] * Math.Exp(-p[5] * x[0])),
        Gradient = static (p, x, g) =>
        {
            for (var k = 0; k < 6; k += 2)
            {
                var e = Math.Exp(-p[k + 1] * x[0]);
                g[k] = e;
                g[k + 1] = -p[k] * x[0] * e;
            }
        },
        Response =
        [
            2.51340E+00, 2.04433E+00, 1.66840E+00, 1.36642E+00, 1.12323E+00, 9.26890E-01, 7.67934E-01, 6.38878E-01,
            5.33784E-01, 4.47936E-01, 3.77585E-01, 3.19739E-01, 2.72013E-01, 2.32497E-01, 1.99659E-01, 1.72270E-01,
            1.49341E-01, 1.30070E-01, 1.13812E-01, 1.00042E-01, 8.83321E-02, 7.83354E-02, 6.97669E-02, 6.23931E-02,
        ],
        Inputs =
        [
            [
                0.00000E+00, 5.00000E-02, 1.00000E-01, 1.50000E-01, 2.00000E-01, 2.50000E-01, 3.00000E-01, 3.50000E-01,
                4.00000E-01, 4.50000E-01, 5.00000E-01, 5.50000E-01, 6.00000E-01, 6.50000E-01, 7.00000E-01, 7.50000E-01,
                8.00000E-01, 8.50000E-01, 9.00000E-01, 9.50000E-01, 1.00000E+00, 1.05000E+00, 1.10000E+00, 1.15000E+00,
            ],
        ],
    };
}
