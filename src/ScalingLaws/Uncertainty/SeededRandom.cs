namespace ScalingLaws.Internal;

/// <summary>
/// A small, fast, seedable generator (xoshiro256**, seeded through SplitMix64) whose output is fixed by this code, not by
/// the runtime: the same seed gives the same stream on every platform and .NET version (unlike <see cref="Random"/>,
/// whose seeded algorithm is an implementation detail).
/// </summary>
/// <remarks>
/// References: D. Blackman, S. Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 47 (2021);
/// G. Steele, D. Lea, C. Flood, "Fast splittable pseudorandom number generators" (SplitMix64), OOPSLA 2014;
/// D. Lemire, "Fast random integer generation in an interval", ACM TOMACS 29 (2019) for unbiased bounded integers.
/// </remarks>
internal struct SeededRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public SeededRandom(ulong seed)
    {
        var state = seed;
        _s0 = SplitMix64(ref state);
        _s1 = SplitMix64(ref state);
        _s2 = SplitMix64(ref state);
        _s3 = SplitMix64(ref state);
    }

    /// <summary>Derives <paramref name="count"/> independent 64-bit seeds from one master seed (a SplitMix64 stream), so
    /// every task gets its seed before any work starts and results do not depend on scheduling.</summary>
    public static ulong[] DeriveSeeds(long masterSeed, int count)
    {
        var state = unchecked((ulong)masterSeed);
        var seeds = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            seeds[i] = SplitMix64(ref state);
        }

        return seeds;
    }

    /// <summary>Returns the next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        unchecked
        {
            var result = RotateLeft(_s1 * 5UL, 7) * 9UL;
            var t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = RotateLeft(_s3, 45);
            return result;
        }
    }

    /// <summary>Returns a uniform integer in [0, <paramref name="bound"/>), without modulo bias (Lemire's method).</summary>
    public int NextInt(int bound)
    {
        unchecked
        {
            var range = (ulong)bound;
            var product = Math.BigMul(NextUInt64(), range, out var low);
            if (low < range)
            {
                var threshold = (0UL - range) % range;
                while (low < threshold)
                {
                    product = Math.BigMul(NextUInt64(), range, out low);
                }
            }

            return (int)product;
        }
    }

    private static ulong SplitMix64(ref ulong state)
    {
        unchecked
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
