using System.Globalization;
using System.Text;
using CsCheck;

namespace ScalingLaws.Tests.Reliability;

/// <summary>
/// Issue 8, part 4: CSV robustness beyond the reader's own tests (tests/ScalingLaws.Tests/Core/ObservationsCsvTests.cs, which
/// pin ragged rows, non-numeric and empty cells, byte-order marks, comma decimals, huge numbers and quoted headers one by
/// one). Here: 10,000 random mutations of a valid file read by every CSV entry point give a consistent result or an
/// <see cref="ArgumentException"/>, never another exception type; numbers written in any culture are read back
/// bit-for-bit in that culture.
/// </summary>
public class CsvRobustnessTests
{
    private const int Mutations = 10_000;

    // A valid runs file: quoted header with a delimiter inside, a group column with quotes, weights, CRLF line ends.
    private static readonly string ValidFile = BuildValidFile();

    private static readonly CsvReadOptions RunOptions = new()
    {
        TargetColumn = "loss",
        InputColumns = new Dictionary<string, string> { ["N"] = "params, total", ["D"] = "tokens" },
        WeightColumn = "w",
        GroupColumn = "run",
    };

    /// <summary>Characters a mutation inserts: the CSV syntax, number syntax, whitespace, a byte-order mark, NUL, non-ASCII.</summary>
    private static readonly char[] Alphabet = [',', ';', '"', '\n', '\r', ' ', '\t', '.', '-', '+', 'e', 'E', '0', '1', '9', 'x', '\uFEFF', '\0', 'é', '∞', '\u00A0'];

    private static readonly Gen<Mutation> MutationGen =
        from kind in Gen.Int[0, 5]
        from position in Gen.Double.Unit
        from other in Gen.Double.Unit
        from c in Gen.OneOf(Alphabet)
        select new Mutation(kind, position, other, c);

    [Fact]
    public void Read_ValidFile_ReadsEveryValueExactly()
    {
        var data = ObservationsCsv.Read(new StringReader(ValidFile), RunOptions, "runs.csv");

        data.Count.Should().Be(20);
        data.Column("N").Should().Equal(Enumerable.Range(0, 20).Select(i => 1e7 * Math.Pow(1.5, i)));
        data.Column("D").Should().Equal(Enumerable.Range(0, 20).Select(i => 2e10 * (i + 1)));
        data.Target.Should().Equal(Enumerable.Range(0, 20).Select(i => 2.0 + (1.0 / (i + 1))));
        data.Weights.Should().Equal(Enumerable.Range(0, 20).Select(i => 0.5 + i));
        data.Groups.Should().Equal(Enumerable.Range(0, 20).Select(i => $"run \"{i % 3}\", lr 1e-3"));
    }

    [Fact]
    public void Read_TenThousandRandomMutations_ConsistentResultOrArgumentException()
    {
        var read = 0;
        var rejected = 0;

        MutationGen.Array[1, 4].CheckProperty(mutations =>
        {
            var text = Apply(ValidFile, mutations);
            Observations? data = null;

            var thrown = ExceptionPolicy.RunAllowingDocumented(() => data = ObservationsCsv.Read(new StringReader(text), RunOptions, "runs.csv"),
                "ObservationsCsv.Read");

            if (thrown is not null)
            {
                thrown.Should().BeAssignableTo<ArgumentException>();
                thrown.Message.Should().Contain("runs.csv", "a CSV error names the file");
                Interlocked.Increment(ref rejected);
                return;
            }

            Interlocked.Increment(ref read);
            data!.Count.Should().BeGreaterThan(0);
            data.Column("N").Should().HaveCount(data.Count);
            data.Column("D").Should().HaveCount(data.Count);
            data.Groups.Should().HaveCount(data.Count);
            data.Weights.Should().OnlyContain(w => w > 0.0 && double.IsFinite(w));
            // The alphabet cannot spell NaN or Infinity, and out-of-range numbers are rejected, so every value read is finite.
            data.Target.Concat(data.Column("N")).Concat(data.Column("D")).Should().OnlyContain(v => double.IsFinite(v));
        }, Mutations, m => Escape(Apply(ValidFile, m)));

        // Both outcomes must occur often, or the mutations are too gentle or too destructive to test anything.
        if (!Property.ReplayingOneCase)
        {
            read.Should().BeGreaterThan(Mutations / 20);
            rejected.Should().BeGreaterThan(Mutations / 5);
        }
    }

    [Fact]
    public void ScheduleAndLossCurveReaders_RandomMutations_ResultOrArgumentException()
    {
        var schedule = LearningRateSchedule.Cosine(50, 1e-3, 1e-4);
        var scheduleText = "step,lr\r\n" + string.Concat(Enumerable.Range(0, 50).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t},{schedule[t]:R}\r\n")));
        var curveText = "step,loss,lr\n" + string.Concat(Enumerable.Range(1, 10).Select(i => string.Create(CultureInfo.InvariantCulture, $"{5 * i - 1},{2.0 + (1.0 / i):R},{schedule[(5 * i) - 1]:R}\n")));

        Gen.Select(MutationGen.Array[1, 3], Gen.Bool).CheckProperty((mutations, curve) =>
        {
            var text = Apply(curve ? curveText : scheduleText, mutations);
            Action read = curve
                ? () => LossCurve.ReadCsv(new StringReader(text), schedule, "run", sourceName: "curve.csv")
                : () => LearningRateSchedule.ReadCsv(new StringReader(text), ScheduleCsvOptions.Default with { Gaps = ScheduleGapFill.Linear }, "schedule.csv");

            var thrown = ExceptionPolicy.RunAllowingDocumented(read, curve ? "LossCurve.ReadCsv" : "LearningRateSchedule.ReadCsv");

            thrown?.Should().BeAssignableTo<ArgumentException>();
        }, Mutations / 5);
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    [InlineData("sv-SE")]
    [InlineData("ru-RU")]
    [InlineData("pt-BR")]
    [InlineData("ar-SA")]
    [InlineData("en-US")]
    public void Read_NumbersWrittenInCulture_RoundTripBitForBit(string cultureName)
    {
        var culture = CultureInfo.GetCultureInfo(cultureName);
        var delimiter = culture.NumberFormat.NumberDecimalSeparator == "," ? ";" : ",";
        var options = new CsvReadOptions
        {
            TargetColumn = "y",
            InputColumns = new Dictionary<string, string> { ["x"] = "x" },
            Culture = culture,
            Delimiter = delimiter,
        };
        var value = Gen.Frequency((3, Gen.Double.Where(double.IsFinite)), (1, Gen.Double[-1e6, 1e6]));

        Gen.Select(value.Array[1, 20], value).CheckProperty((xs, y) =>
        {
            var text = new StringBuilder($"x{delimiter}y\n");
            foreach (var x in xs)
            {
                text.Append(x.ToString("R", culture)).Append(delimiter).Append(y.ToString("R", culture)).Append('\n');
            }

            var data = ObservationsCsv.Read(new StringReader(text.ToString()), options, "culture.csv");

            data.Column("x").Should().Equal(xs, $"culture {cultureName}");
            data.Target.Should().OnlyContain(v => v.Equals(y));
        }, 200);
    }

    [Theory]
    [InlineData("1.5", "de-DE", ";")]      // a point under a comma-decimal culture is not silently read as 15
    [InlineData("1,500", "en-US", ";")]    // thousands separators are not silently accepted
    [InlineData("1 500,5", "fr-FR", ";")]  // nor grouping spaces
    [InlineData("0x1F", "en-US", ",")]
    [InlineData("1e", "en-US", ",")]
    [InlineData("--1", "en-US", ",")]
    [InlineData("∞", "en-US", ",")]
    [InlineData("Infinity", "en-US", ",")]
    [InlineData("NaN", "en-US", ",")]
    public void Read_AmbiguousOrNonFiniteTarget_IsRejectedOrNeverConfidentlyWrong(string cell, string cultureName, string delimiter)
    {
        // Either the reader rejects the cell, naming it, or it reads a value that the fitter then rejects (NaN, ±∞).
        var culture = CultureInfo.GetCultureInfo(cultureName);
        var options = new CsvReadOptions { TargetColumn = "y", InputColumns = new Dictionary<string, string> { ["x"] = "x" }, Culture = culture, Delimiter = delimiter };
        var text = $"x{delimiter}y\n1{delimiter}2\n10{delimiter}\"{cell}\"\n100{delimiter}1\n";
        Observations? data = null;

        var thrown = ExceptionPolicy.RunAllowingDocumented(() => data = ObservationsCsv.Read(new StringReader(text), options, "cells.csv"), "ObservationsCsv.Read");

        if (thrown is not null)
        {
            thrown.Should().BeAssignableTo<ArgumentException>().Which.Message.Should().Contain("line 3").And.Contain(cell);
            return;
        }

        double.IsFinite(data!.Target[1]).Should().BeFalse($"'{cell}' was accepted, so it must be a non-finite value the fitter rejects, not a number");
        var act = () => ScalingLawFitter.Fit(new PowerLaw(), data);
        act.Should().Throw<ArgumentException>().WithMessage("y[1] = *");
    }

    private static string BuildValidFile()
    {
        var ci = CultureInfo.InvariantCulture;
        var text = new StringBuilder("\"params, total\",tokens,loss,w,run\r\n");
        for (var i = 0; i < 20; i++)
        {
            text.Append(ci, $"{1e7 * Math.Pow(1.5, i):R},{2e10 * (i + 1):R},{2.0 + (1.0 / (i + 1)):R},{0.5 + i:R},\"run \"\"{i % 3}\"\", lr 1e-3\"\r\n");
        }

        return text.ToString();
    }

    private static string Apply(string text, Mutation[] mutations)
    {
        var sb = new StringBuilder(text);
        foreach (var m in mutations)
        {
            if (sb.Length == 0)
            {
                sb.Append(m.Character);
                continue;
            }

            var at = Math.Min((int)(m.Position * sb.Length), sb.Length - 1);
            var other = Math.Min((int)(m.Other * sb.Length), sb.Length - 1);
            switch (m.Kind)
            {
                case 0: // delete one character
                    sb.Remove(at, 1);
                    break;
                case 1: // insert one character
                    sb.Insert(at, m.Character);
                    break;
                case 2: // replace one character
                    sb[at] = m.Character;
                    break;
                case 3: // delete a span (up to a line and a half)
                    sb.Remove(Math.Min(at, other), Math.Min(Math.Abs(at - other), 120));
                    break;
                case 4: // duplicate a span elsewhere
                    var start = Math.Min(at, other);
                    var span = sb.ToString(start, Math.Min(Math.Abs(at - other), 80));
                    sb.Insert(Math.Min((int)(m.Other * m.Position * sb.Length), sb.Length), span);
                    break;
                default: // truncate
                    sb.Length = at;
                    break;
            }
        }

        return sb.ToString();
    }

    private static string Escape(string text) => text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n\n", StringComparison.Ordinal)
        .Replace("\uFEFF", "<BOM>", StringComparison.Ordinal).Replace("\0", "<NUL>", StringComparison.Ordinal);

    /// <summary>One edit of the text: what to do, where (fractions of the length), and the character to put in.</summary>
    private sealed record Mutation(int Kind, double Position, double Other, char Character);
}
