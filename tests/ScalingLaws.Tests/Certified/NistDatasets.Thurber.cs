namespace ScalingLaws.Tests.Certified;

// NIST StRD nonlinear regression dataset Thurber (Higher difficulty), public-domain U.S. government data:
// https://www.itl.nist.gov/div898/strd/nls/data/thurber.shtml
// Transcribed from: R nlsr .prb copy of Thurber.dat.
// Checked offline with 50-digit arithmetic: the data reproduce the certified residual sum of squares, a Gauss-Newton step
// from the certified values moves no parameter beyond its 10th significant digit, and s^2 (J'J)^-1 at the certified values
// reproduces every certified standard deviation to at least 9 significant digits.
internal static partial class NistDatasets
{
    public static NistDataset Thurber { get; } = new()
    {
        Name = "Thurber",
        Difficulty = "Higher",
        Formula = "y = (b1 + b2*x + b3*x**2 + b4*x**3) / (1 + b5*x + b6*x**2 + b7*x**3)",
        InputNames = ["x"],
        Start1 = [1000.0, 1000.0, 400.0, 40.0, 0.7, 0.3, 0.03],
        Start2 = [1300.0, 1500.0, 500.0, 75.0, 1.0, 0.4, 0.05],
        CertifiedValues = [1.2881396800E+03, 1.4910792535E+03, 5.8323836877E+02, 7.5416644291E+01, 9.6629502864E-01, 3.9797285797E-01, 4.9727297349E-02],
        CertifiedStandardDeviations = [4.6647963344E+00, 3.9571156086E+01, 2.8698696102E+01, 5.5675370270E+00, 3.1333340687E-02, 1.4984928198E-02, 6.5842344623E-03],
        CertifiedResidualSumOfSquares = 5.6427082397E+03,
        LogResponse = false,
        Value = static (p, x) => (p[0] + (x[0] * (p[1] + (x[0] * (p[2] + (x[0] * p[3])))))) / (1.0 + (x[0] * (p[4] + (x[0] * (p[5] + (x[0] * p[6])))))),
        Gradient = static (p, x, g) =>
        {
            var t = x[0];
            var numerator = p[0] + (t * (p[1] + (t * (p[2] + (t * p[3])))));
            var denominator = 1.0 + (t * (p[4] + (t * (p[5] + (t * p[6])))));
            var ratio = numerator / (denominator * denominator);
            g[0] = 1.0 / denominator;
            g[1] = t / denominator;
            g[2] = t * t / denominator;
            g[3] = t * t * t / denominator;
            g[4] = -ratio * t;
            g[5] = -ratio * t * t;
            g[6] = -ratio * t * t * t;
        },
        Response =
        [
            80.574E0, 84.248E0, 87.264E0, 87.195E0, 89.076E0, 89.608E0, 89.868E0, 90.101E0,
            92.405E0, 95.854E0, 100.696E0, 101.060E0, 401.672E0, 390.724E0, 567.534E0, 635.316E0,
            733.054E0, 759.087E0, 894.206E0, 990.785E0, 1090.109E0, 1080.914E0, 1122.643E0, 1178.351E0,
            1260.531E0, 1273.514E0, 1288.339E0, 1327.543E0, 1353.863E0, 1414.509E0, 1425.208E0, 1421.384E0,
            1442.962E0, 1464.350E0, 1468.705E0, 1447.894E0, 1457.628E0,
        ],
        Inputs =
        [
            [
                -3.067E0, -2.981E0, -2.921E0, -2.912E0, -2.840E0, -2.797E0, -2.702E0, -2.699E0,
                -2.633E0, -2.481E0, -2.363E0, -2.322E0, -1.501E0, -1.460E0, -1.274E0, -1.212E0,
                -1.100E0, -1.046E0, -0.915E0, -0.714E0, -0.566E0, -0.545E0, -0.400E0, -0.309E0,
                -0.109E0, -0.103E0, 0.010E0, 0.119E0, 0.377E0, 0.790E0, 0.963E0, 1.006E0,
                1.115E0, 1.572E0, 1.841E0, 2.047E0, 2.200E0,
            ],
        ],
    };
}
