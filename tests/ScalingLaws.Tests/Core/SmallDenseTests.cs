using MathNet.Numerics.LinearAlgebra;
using ScalingLaws.Internal;

namespace ScalingLaws.Tests.Core;

/// <summary>The hand-written small dense kernels (written for speed, see SmallDense) against MathNet on random matrices.</summary>
public class SmallDenseTests
{
    // Backward error of a converged Jacobi decomposition: ‖A − VΛVᵀ‖ ≈ a few ε·‖A‖ per sweep; 1e-12 leaves ample room.
    private const double ReconstructionTolerance = 1e-12;

    public static TheoryData<int, double> Cases => new()
    {
        { 1, 1.0 }, { 2, 1.0 }, { 3, 1e3 }, { 5, 1.0 }, { 5, 1e8 }, { 5, 1e14 }, { 8, 1e6 }, { 10, 1.0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void SymmetricEigen_RandomSymmetricMatrices_ReconstructsAndMatchesMathNet(int q, double condition)
    {
        var random = new Random(q * 1000 + (int)Math.Log10(condition));
        for (var trial = 0; trial < 20; trial++)
        {
            // A = Q·diag(λ)·Qᵀ with a random orthogonal Q and eigenvalue magnitudes spread over the requested condition number.
            var orthogonal = Matrix<double>.Build.Dense(q, q, (_, _) => random.NextDouble() - 0.5).QR().Q;
            var lambda = Enumerable.Range(0, q).Select(i => Math.Pow(condition, q == 1 ? 0.0 : -(double)i / (q - 1)) * (random.Next(2) == 0 ? 1.0 : -1.0)).ToArray();   // indefinite too
            var a = orthogonal * Matrix<double>.Build.DenseOfDiagonalArray(lambda) * orthogonal.Transpose();
            a = (a + a.Transpose()) * 0.5;
            var rowMajor = new double[q * q];
            for (var i = 0; i < q; i++)
            {
                for (var k = 0; k < q; k++)
                {
                    rowMajor[(i * q) + k] = a[i, k];
                }
            }

            var values = new double[q];
            var vectors = new double[q * q];
            SmallDense.SymmetricEigen(rowMajor, values, vectors, q).Should().BeTrue();

            var v = Matrix<double>.Build.Dense(q, q, (i, k) => vectors[(i * q) + k]);
            var reconstructed = v * Matrix<double>.Build.DenseOfDiagonalArray(values) * v.Transpose();
            (reconstructed - a).FrobeniusNorm().Should().BeLessThan(ReconstructionTolerance * a.FrobeniusNorm());
            (v.TransposeThisAndMultiply(v) - Matrix<double>.Build.DenseIdentity(q)).FrobeniusNorm().Should().BeLessThan(ReconstructionTolerance * q);

            var expected = a.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric).EigenValues.Select(c => c.Real).Order().ToArray();
            var actual = values.Order().ToArray();
            for (var i = 0; i < q; i++)
            {
                actual[i].Should().BeApproximately(expected[i], ReconstructionTolerance * expected.Max(Math.Abs));
            }
        }
    }

    [Fact]
    public void SymmetricEigen_DiagonalMatrix_ReturnsItsDiagonalAndIdentity()
    {
        double[] a = [3.0, 0.0, 0.0, 0.0, -1.0, 0.0, 0.0, 0.0, 2.0];
        var values = new double[3];
        var vectors = new double[9];

        SmallDense.SymmetricEigen(a, values, vectors, 3).Should().BeTrue();

        values.Should().Equal(3.0, -1.0, 2.0);
        vectors.Should().Equal(1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0);
    }

    [Fact]
    public void SignConstrainedLeastSquares_NegativeUnconstrainedSolution_ClampsToZeroAndRefits()
    {
        // y = 2·b0 − 1·b1 with b1 constrained ≥ 0: the optimum sets the second coefficient to 0 and refits the first.
        double[] b0 = [1.0, 2.0, 3.0, 4.0];
        double[] b1 = [1.0, 1.0, 2.0, 3.0];
        var y = b0.Select((v, i) => (2.0 * v) - b1[i]).ToArray();
        var gram = new double[4];
        var rhs = new double[2];
        double[][] basis = [b0, b1];
        for (var k = 0; k < 2; k++)
        {
            rhs[k] = basis[k].Select((v, i) => v * y[i]).Sum();
            for (var l = 0; l < 2; l++)
            {
                gram[(k * 2) + l] = basis[k].Select((v, i) => v * basis[l][i]).Sum();
            }
        }

        var best = new double[2];
        var objective = SmallDense.SignConstrainedLeastSquares(gram, rhs, 2, nonNegativeMask: 0b10, best);

        best[1].Should().Be(0.0);
        best[0].Should().BeApproximately(rhs[0] / gram[0], 1e-12);
        var yy = y.Sum(v => v * v);
        (yy + objective).Should().BeApproximately(y.Select((v, i) => Math.Pow(v - (best[0] * b0[i]), 2)).Sum(), 1e-9);

        var unconstrained = new double[2];
        SmallDense.SignConstrainedLeastSquares(gram, rhs, 2, nonNegativeMask: 0, unconstrained);
        unconstrained[0].Should().BeApproximately(2.0, 1e-9);
        unconstrained[1].Should().BeApproximately(-1.0, 1e-9);
    }
}
