using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;
using CsCheck;

namespace ScalingLaws.Tests.Reliability;

/// <summary>
/// Runs a CsCheck property over a fixed, reproducible sequence of cases by default, so that the test suite (and CI) draws
/// the same cases on every run and machine; random exploration is one environment variable away.
/// </summary>
/// <remarks>
/// <para><c>SCALINGLAWS_PROPERTY_SEED</c> selects the cases:</para>
/// <list type="bullet">
/// <item>unset: the fixed sequence (stream <see cref="FixedStream"/>, seed <see cref="FixedSeed"/>), one case after the other
/// with no shrinking; a failing case is reported with its own CsCheck seed;</item>
/// <item><c>random</c>: CsCheck's <c>Sample</c> with fresh random cases and shrinking (soak runs, with
/// <c>SCALINGLAWS_PROPERTY_ITERATIONS</c> for more cases);</item>
/// <item>a CsCheck seed (as printed by a failure): that one case alone, to replay it.</item>
/// </list>
/// </remarks>
internal static class Property
{
    /// <summary>The environment variable that selects the cases.</summary>
    public const string SeedVariable = "SCALINGLAWS_PROPERTY_SEED";

    /// <summary>The PCG stream of the fixed sequence.</summary>
    public const uint FixedStream = 2026;

    /// <summary>The PCG seed of the fixed sequence.</summary>
    public const ulong FixedSeed = 0x5CA1_1A95;

    /// <summary>Gets a value indicating whether <see cref="SeedVariable"/> names one case to replay, so that assertions about
    /// how many cases passed some filter do not apply.</summary>
    public static bool ReplayingOneCase
    {
        get
        {
            var setting = Environment.GetEnvironmentVariable(SeedVariable);
            return !string.IsNullOrWhiteSpace(setting) && !string.Equals(setting, "random", StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>Checks <paramref name="assert"/> on <paramref name="iterations"/> cases drawn from <paramref name="generator"/>.</summary>
    /// <typeparam name="T">The case type.</typeparam>
    /// <param name="generator">The case generator.</param>
    /// <param name="assert">The property: throws when a case violates it.</param>
    /// <param name="iterations">The number of cases.</param>
    /// <param name="print">Describes a case in a failure message (default: its values).</param>
    /// <param name="property">The calling test, named in a failure message.</param>
    public static void CheckProperty<T>(this Gen<T> generator, Action<T> assert, int iterations, Func<T, string>? print = null,
        [CallerMemberName] string property = "")
    {
        var describe = print ?? (value => Describe(value));
        var setting = Environment.GetEnvironmentVariable(SeedVariable);
        if (string.Equals(setting, "random", StringComparison.OrdinalIgnoreCase))
        {
            generator.Sample(assert, iter: iterations, threads: 1, print: describe);
            return;
        }

        if (!string.IsNullOrWhiteSpace(setting))
        {
            generator.Sample(assert, seed: setting.Trim(), iter: 1, threads: 1, print: describe);
            return;
        }

        var pcg = new PCG(FixedStream, FixedSeed);
        for (var i = 0; i < iterations; i++)
        {
            var state = pcg.State;
            var value = generator.Generate(pcg, null, out _);
            try
            {
                assert(value);
            }
            catch (Exception e)
            {
                throw new PropertyFailedException(
                    $"{property}: case {i + 1} of {iterations} of the fixed sequence failed: {describe(value)}\n"
                    + $"replay it alone with {SeedVariable}={pcg.ToString(state)}; explore random cases with {SeedVariable}=random\n"
                    + e.Message,
                    e);
            }
        }
    }

    /// <summary>Checks a property of pairs (see <see cref="CheckProperty{T}"/>).</summary>
    /// <typeparam name="T1">The first component.</typeparam>
    /// <typeparam name="T2">The second component.</typeparam>
    /// <param name="generator">The case generator.</param>
    /// <param name="assert">The property.</param>
    /// <param name="iterations">The number of cases.</param>
    /// <param name="property">The calling test.</param>
    public static void CheckProperty<T1, T2>(this Gen<(T1, T2)> generator, Action<T1, T2> assert, int iterations,
        [CallerMemberName] string property = "")
        => generator.CheckProperty(t => assert(t.Item1, t.Item2), iterations, null, property);

    /// <summary>Checks a property of triples (see <see cref="CheckProperty{T}"/>).</summary>
    /// <typeparam name="T1">The first component.</typeparam>
    /// <typeparam name="T2">The second component.</typeparam>
    /// <typeparam name="T3">The third component.</typeparam>
    /// <param name="generator">The case generator.</param>
    /// <param name="assert">The property.</param>
    /// <param name="iterations">The number of cases.</param>
    /// <param name="property">The calling test.</param>
    public static void CheckProperty<T1, T2, T3>(this Gen<(T1, T2, T3)> generator, Action<T1, T2, T3> assert, int iterations,
        [CallerMemberName] string property = "")
        => generator.CheckProperty(t => assert(t.Item1, t.Item2, t.Item3), iterations, null, property);

    /// <summary>Describes a case: numbers round-trip, arrays and tuples list their items.</summary>
    /// <param name="value">The case.</param>
    /// <returns>The description.</returns>
    public static string Describe(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        string s => $"\"{s}\"",
        ITuple tuple => $"({string.Join(", ", Enumerable.Range(0, tuple.Length).Select(k => Describe(tuple[k])))})",
        IEnumerable items => $"[{string.Join(", ", items.Cast<object?>().Select(Describe))}]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}

/// <summary>A case of the fixed sequence violated a property; the message names the case and how to replay it.</summary>
/// <param name="message">The message.</param>
/// <param name="inner">The assertion that failed.</param>
internal sealed class PropertyFailedException(string message, Exception inner) : Exception(message, inner);
