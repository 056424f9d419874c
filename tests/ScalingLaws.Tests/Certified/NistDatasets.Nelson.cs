namespace ScalingLaws.Tests.Certified;

// NIST StRD nonlinear regression dataset Nelson (Average difficulty), public-domain U.S. government data:
// https://www.itl.nist.gov/div898/strd/nls/data/nelson.shtml
// Transcribed from: R nlsr .prb copy of Nelson.dat (two predictors x1 = time, x2 = temperature; model for log y).
// Checked offline with 50-digit arithmetic: the data reproduce the certified residual sum of squares, a Gauss-Newton step
// from the certified values moves no parameter beyond its 10th significant digit, and s^2 (J'J)^-1 at the certified values
// reproduces every certified standard deviation to at least 9 significant digits.
internal static partial class NistDatasets
{
    public static NistDataset Nelson { get; } = new()
    {
        Name = "Nelson",
        Difficulty = "Average",
        Formula = "log[y] = b1 - b2*x1 * exp[-b3*x2]",
        InputNames = ["x1", "x2"],
        Start1 = [2.0, 0.0001, -0.01],
        Start2 = [2.5, 0.000000005, -0.05],
        CertifiedValues = [2.5906836021E+00, 5.6177717026E-09, -5.7701013174E-02],
        CertifiedStandardDeviations = [1.9149996413E-02, 6.1124096540E-09, 3.9572366543E-03],
        CertifiedResidualSumOfSquares = 3.7976833176E+00,
        LogResponse = true,
        Value = static (p, x) => p[0] - (p[1] * x[0] * Math.Exp(-p[2] * x[1])),
        Gradient = static (p, x, g) =>
        {
            var e = Math.Exp(-p[2] * x[1]);
            g[0] = 1.0;
            g[1] = -x[0] * e;
            g[2] = p[1] * x[0] * x[1] * e;
        },
        Response =
        [
            15.00E0, 17.00E0, 15.50E0, 16.50E0, 15.50E0, 15.00E0, 16.00E0, 14.50E0,
            15.00E0, 14.50E0, 12.50E0, 11.00E0, 14.00E0, 13.00E0, 14.00E0, 11.50E0,
            14.00E0, 16.00E0, 13.00E0, 13.50E0, 13.00E0, 13.50E0, 12.50E0, 12.50E0,
            12.50E0, 12.00E0, 11.50E0, 12.00E0, 13.00E0, 11.50E0, 13.00E0, 12.50E0,
            13.50E0, 17.50E0, 17.50E0, 13.50E0, 12.50E0, 12.50E0, 15.00E0, 13.00E0,
            12.00E0, 13.00E0, 12.00E0, 13.50E0, 10.00E0, 11.50E0, 11.00E0, 9.50E0,
            15.00E0, 15.00E0, 15.50E0, 16.00E0, 13.00E0, 10.50E0, 13.50E0, 14.00E0,
            12.50E0, 12.00E0, 11.50E0, 11.50E0, 6.50E0, 5.50E0, 6.00E0, 6.00E0,
            18.50E0, 17.00E0, 15.30E0, 16.00E0, 13.00E0, 14.00E0, 12.50E0, 11.00E0,
            12.00E0, 12.00E0, 11.50E0, 12.00E0, 6.00E0, 6.00E0, 5.00E0, 5.50E0,
            12.50E0, 13.00E0, 16.00E0, 12.00E0, 11.00E0, 9.50E0, 11.00E0, 11.00E0,
            11.00E0, 10.00E0, 10.50E0, 10.50E0, 2.70E0, 2.70E0, 2.50E0, 2.40E0,
            13.00E0, 13.50E0, 16.50E0, 13.60E0, 11.50E0, 10.50E0, 13.50E0, 12.00E0,
            7.00E0, 6.90E0, 8.80E0, 7.90E0, 1.20E0, 1.50E0, 1.00E0, 1.50E0,
            13.00E0, 12.50E0, 16.50E0, 16.00E0, 11.00E0, 11.50E0, 10.50E0, 10.00E0,
            7.27E0, 7.50E0, 6.70E0, 7.60E0, 1.50E0, 1.00E0, 1.20E0, 1.20E0,
        ],
        Inputs =
        [
            [
                1E0, 1E0, 1E0, 1E0, 1E0, 1E0, 1E0, 1E0,
                1E0, 1E0, 1E0, 1E0, 1E0, 1E0, 1E0, 1E0,
                2E0, 2E0, 2E0, 2E0, 2E0, 2E0, 2E0, 2E0,
                2E0, 2E0, 2E0, 2E0, 2E0, 2E0, 2E0, 2E0,
                4E0, 4E0, 4E0, 4E0, 4E0, 4E0, 4E0, 4E0,
                4E0, 4E0, 4E0, 4E0, 4E0, 4E0, 4E0, 4E0,
                8E0, 8E0, 8E0, 8E0, 8E0, 8E0, 8E0, 8E0,
                8E0, 8E0, 8E0, 8E0, 8E0, 8E0, 8E0, 8E0,
                16E0, 16E0, 16E0, 16E0, 16E0, 16E0, 16E0, 16E0,
                16E0, 16E0, 16E0, 16E0, 16E0, 16E0, 16E0, 16E0,
                32E0, 32E0, 32E0, 32E0, 32E0, 32E0, 32E0, 32E0,
                32E0, 32E0, 32E0, 32E0, 32E0, 32E0, 32E0, 32E0,
                48E0, 48E0, 48E0, 48E0, 48E0, 48E0, 48E0, 48E0,
                48E0, 48E0, 48E0, 48E0, 48E0, 48E0, 48E0, 48E0,
                64E0, 64E0, 64E0, 64E0, 64E0, 64E0, 64E0, 64E0,
                64E0, 64E0, 64E0, 64E0, 64E0, 64E0, 64E0, 64E0,
            ],
            [
                180E0, 180E0, 180E0, 180E0, 225E0, 225E0, 225E0, 225E0,
                250E0, 250E0, 250E0, 250E0, 275E0, 275E0, 275E0, 275E0,
                180E0, 180E0, 180E0, 180E0, 225E0, 225E0, 225E0, 225E0,
                250E0, 250E0, 250E0, 250E0, 275E0, 275E0, 275E0, 275E0,
                180E0, 180E0, 180E0, 180E0, 225E0, 225E0, 225E0, 225E0,
                250E0, 250E0, 250E0, 250E0, 275E0, 275E0, 275E0, 275E0,
                180E0, 180E0, 180E0, 180E0, 225E0, 225E0, 225E0, 225E0,
                250E0, 250E0, 250E0, 250E0, 275E0, 275E0, 275E0, 275E0,
                180E0, 180E0, 180E0, 180E0, 225E0, 225E0, 225E0, 225E0,
                250E0, 250E0, 250E0, 250E0, 275E0, 275E0, 275E0, 275E0,
                180E0, 180E0, 180E0, 180E0, 225E0, 225E0, 225E0, 225E0,
                250E0, 250E0, 250E0, 250E0, 275E0, 275E0, 275E0, 275E0,
                180E0, 180E0, 180E0, 180E0, 225E0, 225E0, 225E0, 225E0,
                250E0, 250E0, 250E0, 250E0, 275E0, 275E0, 275E0, 275E0,
                180E0, 180E0, 180E0, 180E0, 225E0, 225E0, 225E0, 225E0,
                250E0, 250E0, 250E0, 250E0, 275E0, 275E0, 275E0, 275E0,
            ],
        ],
    };
}
