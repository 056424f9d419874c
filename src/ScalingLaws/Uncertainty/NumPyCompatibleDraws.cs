namespace ScalingLaws;

/// <summary>
/// Resample draws identical to NumPy's legacy global generator, so that a bootstrap run in Python can be replayed exactly
/// (pass the draws to <see cref="BootstrapOptions.ExplicitRows"/>) and the two tools compared without random-number noise.
/// </summary>
/// <remarks>
/// <para>Reproduces <c>np.random.seed(seed)</c> followed, for each resample, by <c>np.random.choice(n, size=n,
/// replace=True)</c> (or by <c>np.random.choice(indices, ...)</c> over any array of <c>n</c> indices: the returned positions
/// index that array). NumPy's legacy <c>RandomState</c> seeds MT19937 with Matsumoto and Nishimura's <c>init_genrand</c> and
/// draws a bounded integer in <c>[0, n)</c> by masking a 32-bit output to the smallest covering power of two and rejecting
/// values ≥ n.</para>
/// <para>Checked against NumPy: seed 42 with <c>n</c> = 240 starts with positions 102, 179, 92, 14, 106.</para>
/// </remarks>
public static class NumPyCompatibleDraws
{
    /// <summary>Returns the row positions of <paramref name="resamples"/> case resamples of <paramref name="rows"/> rows, as
    /// NumPy's legacy generator draws them after <c>np.random.seed(seed)</c>.</summary>
    /// <param name="seed">NumPy's seed, 0 to 2³² − 1.</param>
    /// <param name="rows">Number of rows (the population and the size of every resample); at least 1.</param>
    /// <param name="resamples">Number of resamples; at least 1.</param>
    /// <returns>One array of <paramref name="rows"/> positions per resample, in NumPy's order.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static IReadOnlyList<IReadOnlyList<int>> CaseResamples(long seed, int rows, int resamples)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seed);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(seed, uint.MaxValue);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);

        var generator = new Mt19937((uint)seed);
        var max = (uint)(rows - 1);
        var mask = max;
        mask |= mask >> 1;
        mask |= mask >> 2;
        mask |= mask >> 4;
        mask |= mask >> 8;
        mask |= mask >> 16;
        var draws = new IReadOnlyList<int>[resamples];
        for (var b = 0; b < resamples; b++)
        {
            var positions = new int[rows];
            for (var i = 0; i < rows; i++)
            {
                uint value;
                do
                {
                    value = max == 0 ? 0 : generator.Next() & mask;
                }
                while (value > max);

                positions[i] = (int)value;
            }

            draws[b] = positions;
        }

        return draws;
    }

    /// <summary>
    /// MT19937 (M. Matsumoto, T. Nishimura, ACM TOMACS 8 (1998) 3–30) with <c>init_genrand</c> seeding, as NumPy's legacy
    /// <c>RandomState</c> uses it. Written here because MathNet's <c>MersenneTwister</c> does not hand out the raw 32-bit
    /// outputs one per call (its full-range integer draws differ from NumPy's stream after the first value; checked).
    /// </summary>
    private sealed class Mt19937
    {
        private const int StateSize = 624;
        private const int Shift = 397;
        private readonly uint[] _state = new uint[StateSize];
        private int _index;

        public Mt19937(uint seed)
        {
            _state[0] = seed;
            for (var i = 1; i < StateSize; i++)
            {
                _state[i] = unchecked((1812433253u * (_state[i - 1] ^ (_state[i - 1] >> 30))) + (uint)i);
            }

            _index = StateSize;
        }

        public uint Next()
        {
            if (_index >= StateSize)
            {
                for (var k = 0; k < StateSize; k++)
                {
                    var y = (_state[k] & 0x80000000u) | (_state[(k + 1) % StateSize] & 0x7fffffffu);
                    _state[k] = _state[(k + Shift) % StateSize] ^ (y >> 1) ^ ((y & 1u) != 0 ? 0x9908b0dfu : 0u);
                }

                _index = 0;
            }

            var value = _state[_index++];
            value ^= value >> 11;
            value ^= (value << 7) & 0x9d2c5680u;
            value ^= (value << 15) & 0xefc60000u;
            value ^= value >> 18;
            return value;
        }
    }
}
