namespace ScalingLaws.Tests.Certified;

// NIST StRD nonlinear regression dataset MGH09 (Higher difficulty), public-domain U.S. government data:
// https://www.itl.nist.gov/div898/strd/nls/data/mgh09.shtml
// Transcribed from: R nlsr .prb copy of MGH09.dat; header also in pages copy of ceres-solver data/nist/MGH09.dat.
// Checked offline with 50-digit arithmetic: the data reproduce the certified residual sum of squares, a Gauss-Newton step
// from the certified values moves no parameter beyond its 10th significant digit, and s^2 (J'J)^-1 at the certified values
// reproduces every certified standard deviation to at least 9 significant digits.
internal static partial class NistDatasets
{
    public static NistDataset MGH09 { get; } = new()
    {
        Name = "MGH09",
        Difficulty = "Higher",
        Formula = "y = b1*(x**2+x*b2) / (x**2+x*b3+b4)",
        InputNames = ["x"],
        Start1 = [25.0, 39.0, 41.5, 39.0],
        Start2 = [0.25, 0.39, 0.415, 0.39],
        CertifiedValues = [1.9280693458E-01, 1.9128232873E-01, 1.2305650693E-01, 1.3606233068E-01],
        CertifiedStandardDeviations = [1.1435312227E-02, 1.9633220911E-01, 8.0842031232E-02, 9.0025542308E-02],
        CertifiedResidualSumOfSquares = 3.0750560385E-04,
        LogResponse = false,
        Value = static (p, x) => p[0] * ((x[0] * x[0]) + (x[0] * p[1])) / ((x[0] * x[0]) + (x[0] * p[2]) + p[3]),
        Gradient = static (p, x, g) =>
        {
            var t = x[0];
            var numerator = (t * t) + (t * p[1]);
            var denominator = (t * t) + (t * p[2]) + p[3];
            g[0] = numerator / denominator;
            g[1] = p[0] * t / denominator;
            g[2] = -p[0] * numerator * t / (denominator * denominator);
            g[3] = -p[0] * numerator / (denominator * denominator);
        },
        Response =
        [
            1.957000E-01, 1.947000E-01, 1.735000E-01, 1.600000E-01, 8.440000E-02, 6.270000E-02, 4.560000E-02, 3.420000E-02,
            3.230000E-02, 2.350000E-02, 2.460000E-02,
        ],
        Inputs =
        [
            [
                4.000000E+00, 2.000000E+00, 1.000000E+00, 5.000000E-01, 2.500000E-01, 1.670000E-01, 1.250000E-01, 1.000000E-01,
                8.330000E-02, 7.140000E-02, 6.250000E-02,
            ],
        ],
    };
}
