namespace ScalingLaws.Tests.Certified;

// NIST StRD nonlinear regression dataset Misra1d (Average difficulty), public-domain U.S. government data:
// https://www.itl.nist.gov/div898/strd/nls/data/misra1d.shtml
// Transcribed from: R nlsr .prb copy of Misra1d.dat.
// Checked offline with 50-digit arithmetic: the data reproduce the certified residual sum of squares, a Gauss-Newton step
// from the certified values moves no parameter beyond its 10th significant digit, and s^2 (J'J)^-1 at the certified values
// reproduces every certified standard deviation to at least 9 significant digits.
internal static partial class NistDatasets
{
    public static NistDataset Misra1d { get; } = new()
    {
        Name = "Misra1d",
        Difficulty = "Average",
        Formula = "y = b1*b2*x*((1+b2*x)**(-1))",
        InputNames = ["x"],
        Start1 = [500.0, 0.0001],
        Start2 = [450.0, 0.0003],
        CertifiedValues = [4.3736970754E+02, 3.0227324449E-04],
        CertifiedStandardDeviations = [3.6489174345E+00, 2.9334354479E-06],
        CertifiedResidualSumOfSquares = 5.6419295283E-02,
        LogResponse = false,
        Value = static (p, x) => p[0] * p[1] * x[0] / (1.0 + (p[1] * x[0])),
        Gradient = static (p, x, g) =>
        {
            var d = 1.0 + (p[1] * x[0]);
            g[0] = p[1] * x[0] / d;
            g[1] = p[0] * x[0] / (d * d);
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
