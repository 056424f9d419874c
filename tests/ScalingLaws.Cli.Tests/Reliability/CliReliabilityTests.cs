using System.Globalization;
using System.Text;

namespace ScalingLaws.Cli.Tests.Reliability;

/// <summary>
/// Issue 8 for the command-line tool: bad numbers (NaN, ±∞, zero, negative, out of range) in every option and in the data, and
/// random argument lists, end in exit code 2 with a one-line error naming the problem — never in "unexpected ..." (an exception
/// type the tool did not anticipate, exit code 1) or a stack trace. Extends BadInputTests, which covers unknown laws, columns
/// and commands.
/// </summary>
public sealed class CliReliabilityTests : IDisposable
{
    // Program.Run's last-resort handler prints "scaling-laws: error: unexpected <Type>: ..." for exceptions it did not anticipate.
    private const string UnexpectedException = @"error: unexpected \w*Exception";

    private readonly string _folder = Tool.TempFolder();
    private readonly string _runs;

    public CliReliabilityTests()
    {
        // 30 runs of E + A/N^alpha + B/D^beta on a 6 × 5 grid, with a weight column.
        var text = new StringBuilder("N,D,loss,w,zero\n");
        for (var i = 0; i < 6; i++)
        {
            for (var j = 0; j < 5; j++)
            {
                var n = 1e7 * Math.Pow(10.0, i * 0.6);
                var d = 1e9 * Math.Pow(10.0, j * 0.7);
                var loss = 1.8 + (400.0 * Math.Pow(n, -0.34)) + (2000.0 * Math.Pow(d, -0.36));
                text.Append(CultureInfo.InvariantCulture, $"{n:R},{d:R},{loss:R},{1 + (i % 3)},0\n");
            }
        }

        _runs = Path.Combine(_folder, "runs.csv");
        File.WriteAllText(_runs, text.ToString());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Gets bad arguments (with the file placeholder RUNS) and text the one-line error must contain.</summary>
    public static TheoryData<string, string> BadArguments => new()
    {
        { "fit RUNS --law chinchilla -x N=N -x D=D --confidence NaN", "ConfidenceLevel" },
        { "fit RUNS --law chinchilla -x N=N -x D=D --confidence 0", "ConfidenceLevel" },
        { "fit RUNS --law chinchilla -x N=N -x D=D --confidence -Infinity", "ConfidenceLevel" },
        { "fit RUNS --law chinchilla -x N=N -x D=D --max-iterations 0", "MaxIterations" },
        { "fit RUNS --law chinchilla -x N=N -x D=D --max-iterations -7", "MaxIterations" },
        { "fit RUNS --law chinchilla -x N=N -x D=D --bootstrap -5", "--bootstrap" },
        { "fit RUNS --law chinchilla -x N=N -x D=D --bootstrap 1", "--bootstrap" },
        { "fit RUNS --law chinchilla -x N=N -x D=D --drop-top -1", "--drop-top" },
        { "fit RUNS --law chinchilla -x N=N -x D=D --drop-top 30", "--drop-top" },
        { "fit RUNS --law chinchilla -x N=N -x D=D --loss huber:0", "--loss" },
        { "fit RUNS --law chinchilla -x N=N -x D=D --loss huber:NaN", "--loss" },
        { "fit RUNS --law chinchilla -x N=N -x D=D --loss huber:-1", "--loss" },
        { "fit RUNS --law chinchilla -x N=N -x D=D --weight zero", "weight" },
        { "fit RUNS --law chinchilla -x N=N -x D=zero", "D[0] = 0" },
        { "fit RUNS --law chinchilla -x N=N -x D=D -y zero --log-residuals", "zero[0] = 0" },
        { "fit RUNS --law chinchilla -x N=N -x C=D --derive D=C/0", "Infinity" },
        { "fit RUNS --law chinchilla -x N=N -x C=D --derive D=log(0-C)", "NaN" },
        { "fit RUNS --law chinchilla -x N=N -x C=D --derive D=C^1000", "Infinity" },
        { "fit RUNS --law chinchilla -x N=N -x C=D --derive D=C-C", "D[0] = 0" },
        { "fit RUNS --law chinchilla -x N=N -x D=D --size 99x700 --plot RUNS.png", "--size" },
        { "fit RUNS --law chinchilla -x N=N -x D=D --size 1100x-700 --plot RUNS.png", "--size" },
        { "fit RUNS --law chinchilla -x N=N -x D=D --plot RUNS.bmp", "--plot" },
        { "fit RUNS --law chinchilla -x N=N -x D=D --bootstrap-plot RUNS.png", "--bootstrap" },
        { "fit RUNS --law power-law -x x=N --x-axis D --plot RUNS.png", "D" },
        { "predict RUNS --law chinchilla -x N=N -x D=D --at N=NaN,D=1e12", "NaN" },
        { "predict RUNS --law chinchilla -x N=N -x D=D --at N=Infinity,D=1e12", "Infinity" },
        { "predict RUNS --law chinchilla -x N=N -x D=D --at N=-1,D=1e12", "-1" },
        { "predict RUNS --law chinchilla -x N=N -x D=D --at N=0,D=1e12", "= 0" },
        { "predict RUNS --law chinchilla -x N=N -x D=D --at N=1e400,D=1e12", "1e400" },
        { "predict RUNS --law chinchilla -x N=N -x D=D --at N=1e9,D=1e12,D=5", "'D'" },
        { "optimal --parameters E=1.69,A=406.4,alpha=0.34,B=410.7,beta=0.28 --compute NaN", "--compute" },
        { "optimal --parameters E=1.69,A=406.4,alpha=0.34,B=410.7,beta=0.28 --compute 0", "--compute" },
        { "optimal --parameters E=1.69,A=406.4,alpha=0.34,B=410.7,beta=0.28 --compute -1e24", "--compute" },
        { "optimal --parameters E=1.69,A=406.4,alpha=0.34,B=410.7,beta=0.28 --compute 1e24 --flops-per-parameter-token 0", "FLOPs per parameter" },
        { "optimal --parameters E=1.69,A=406.4,alpha=0.34,B=410.7,beta=0.28 --compute 1e24 --flops-per-parameter-token NaN", "FLOPs per parameter" },
        { "optimal --parameters E=-1,A=406.4,alpha=0.34,B=410.7,beta=0.28 --compute 1e24", "E = -1" },
        { "optimal --parameters E=1.69,A=0,alpha=0.34,B=410.7,beta=0.28 --compute 1e24", "A = 0" },
        { "optimal --parameters E=1.69,A=406.4,alpha=0.34,B=410.7,beta=-0.28 --compute 1e24", "beta = -0.28" },
        { "optimal --parameters E=1.69,A=406.4,alpha=0.34,B=410.7,beta=0.28 --target-loss NaN", "NaN" },
        { "optimal --parameters E=1.69,A=406.4,alpha=0.34,B=410.7,beta=0.28,gamma=1 --compute 1e24", "exactly E, A, alpha, B and beta" },
        { "optimal RUNS --law power-law -x x=N --compute 1e24", "power-law" },
        { "schedule --schedule cosine:steps=-5,peak=1e-3", "steps" },
        { "schedule --schedule cosine:steps=0,peak=1e-3", "step" },
        { "schedule --schedule cosine:steps=1e12,peak=1e-3", "steps" },
        { "schedule --schedule cosine:steps=100,peak=NaN", "peak" },
        { "schedule --schedule cosine:steps=100,peak=-1e-3", "-0.001" },
        { "schedule --schedule cosine:steps=100,peak=1e-3,final=Infinity", "final" },
        { "schedule --schedule cosine:steps=100,peak=1e-3,warmup=200", "warmup" },
        { "schedule --schedule wsd:steps=100,peak=1e-3,final=1e-4,decay-start=500", "decay" },
        { "schedule --schedule wsd:steps=100,peak=1e-3,final=0,decay-start=50,shape=exponential", "positive" },
        { "schedule --schedule inverse-sqrt:steps=100,peak=1e-3,timescale=0", "time scale" },
        { "schedule --schedule cosine:steps=100,peak=1e-3 --annealing L0=NaN,A=1,alpha=0.5,C=1", "NaN" },
        { "schedule --schedule cosine:steps=100,peak=1e-3 --annealing L0=2,A=1,alpha=0.5", "C" },
        { "schedule --schedule csv:RUNS", "no column 'step'" },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public void Run_BadNumberOrValue_ExitsTwoWithOneLineErrorNamingIt(string arguments, string expected)
    {
        var (code, _, error) = Tool.Run(Arguments(arguments));

        error.Should().NotMatchRegex(UnexpectedException, "an anticipated bad input, not an unexpected exception");
        code.Should().Be(2, error);
        error.Should().StartWith("scaling-laws: ").And.Contain(expected);
        error.TrimEnd().Split('\n').Should().ContainSingle("errors are one line");
        error.Should().NotContain("   at ", "no stack traces");
    }

    [Theory]
    [InlineData("N,D,loss\n1e9,1e10,3\n2e9,2e10,2.9\n")]                // fewer rows than parameters
    [InlineData("N,D,loss\n1e9,1e10,NaN\n2e9,2e10,2.9\n3e9,3e10,2.8\n4e9,4e10,2.7\n5e9,5e10,2.6\n6e9,6e10,2.5\n")]
    [InlineData("N,D,loss\n1e9,1e10,Infinity\n2e9,2e10,2.9\n3e9,3e10,2.8\n4e9,4e10,2.7\n5e9,5e10,2.6\n6e9,6e10,2.5\n")]
    [InlineData("N,D,loss\n1e9,-1e10,3\n2e9,2e10,2.9\n3e9,3e10,2.8\n4e9,4e10,2.7\n5e9,5e10,2.6\n6e9,6e10,2.5\n")]
    [InlineData("N,D,loss\n\"1e9,1e10,3\n")]                            // unterminated quote
    [InlineData("\uFEFF\n\n")]                                           // only a byte-order mark
    [InlineData("N,D,N,loss\n1e9,1e10,1e9,3\n")]                         // duplicate header
    public void Run_BadDataFile_ExitsTwoWithOneLineError(string content)
    {
        var csv = Path.Combine(_folder, "bad.csv");
        File.WriteAllText(csv, content);

        var (code, _, error) = Tool.Run("fit", csv, "--law", "chinchilla", "-x", "N=N", "-x", "D=D");

        error.Should().NotMatchRegex(UnexpectedException);
        code.Should().Be(2, error);
        error.TrimEnd().Split('\n').Should().ContainSingle();
        error.Should().NotContain("   at ");
    }

    [Fact]
    public void Run_ConstantTarget_CompletesAndWarnsInsteadOfFailing()
    {
        var csv = Path.Combine(_folder, "constant.csv");
        File.WriteAllText(csv, "N,loss\n" + string.Concat(Enumerable.Range(0, 12).Select(i => string.Create(CultureInfo.InvariantCulture, $"{1e7 * Math.Pow(2.0, i)},2.5\n"))));

        var (code, output, error) = Tool.Run("fit", csv, "--law", "power-law-plus-constant", "-x", "x=N");

        error.Should().NotMatchRegex(UnexpectedException);
        code.Should().BeOneOf(0, 1);
        (output + error).Should().Contain("warning", "an unidentifiable fit must be flagged");
    }

    [Fact]
    public void Run_ScheduleWithHugeStepCount_ExitsTwo()
    {
        var (code, _, error) = Tool.Run("schedule", "--schedule", "cosine:steps=2147483647,peak=1e-3");

        error.Should().NotMatchRegex(UnexpectedException);
        code.Should().Be(2, error);
    }

    [Fact]
    public void Run_RandomlyMutatedCommandLines_NeverAnUnexpectedExceptionOrStackTrace()
    {
        // Seeded: valid command lines with zero to two random edits (replace, delete or insert a piece, or add an option with a
        // random value). Every outcome is 0, 1 or 2, with exactly one error line otherwise.
        var random = new Random(8);
        string[][] templates =
        [
            ["fit", "RUNS", "--law", "chinchilla", "-x", "N=N", "-x", "D=D"],
            ["fit", "RUNS", "--law", "power-law-plus-constant", "-x", "x=N", "--weight", "w", "--bootstrap", "4", "--seed", "3"],
            ["fit", "RUNS", "--law", "chinchilla", "-x", "N=N", "-x", "C=D", "--derive", "D=C/(6*N)", "--loss", "huber:1e-3", "--log-residuals"],
            ["predict", "RUNS", "--law", "chinchilla", "-x", "N=N", "-x", "D=D", "--at", "N=1e10,D=1e12"],
            ["optimal", "RUNS", "--law", "chinchilla", "-x", "N=N", "-x", "D=D", "--compute", "1e22"],
            ["optimal", "--parameters", "E=1.69,A=406.4,alpha=0.34,B=410.7,beta=0.28", "--compute", "1e24", "--target-loss", "2.0"],
            ["schedule", "--schedule", "cosine:steps=50,peak=1e-3,warmup=5", "--annealing", "L0=2,A=1,alpha=0.5,C=1", "--every", "10"],
        ];
        string[] pieces =
        [
            "--law", "chinchilla", "power-law", "lr-annealing", "bnsl-1", "nope", "-x", "N=N", "D=D", "x=N", "C=D", "N=zero", "D=w",
            "--derive", "D=C/(6*N)", "D=C/0", "D=log(C", "D=N^N", "D=0-N", "-y", "loss", "zero", "w", "--weight", "--drop-top", "3", "-2", "29",
            "--loss", "huber:1e-3", "huber:0", "least-squares", "--log-residuals", "--max-iterations", "1", "0", "--confidence", "0.9", "1", "NaN",
            "--bootstrap", "5", "-1", "--seed", "x", "--at", "N=1e9,D=1e11", "N=-1,D=1e11", "N=1e9", "x=1e9", "--compute", "1e22", "0", "Infinity",
            "--target-loss", "1.0", "-3", "--parameters", "E=1,A=1,alpha=1,B=1,beta=1", "E=1", "--flops-per-parameter-token", "-6",
            "--schedule", "wsd:steps=50,peak=1e-3,final=1e-5,decay-start=40", "constant:steps=10,peak=1", "inverse-sqrt:steps=9,peak=1,timescale=3",
            "linear:steps=20,peak=1e-3,final=0", "csv:RUNS", "--annealing", "L0=2,A=1,alpha=0.5,C=1e9", "--every", "--extrapolate", "1e12", "abc",
            "--x-axis", "Q", "RUNS", "", " ", "=", ",", "1e308", "-1e-308", "5e-324", "∞", "--help",
        ];
        var outcomes = new int[3];
        for (var iteration = 0; iteration < 300; iteration++)
        {
            var args = templates[random.Next(templates.Length)].ToList();
            var edits = random.Next(0, 3); // a third of the lines stay valid and must run to the end
            for (var e = 0; e < edits; e++)
            {
                var at = random.Next(1, args.Count + 1);
                var piece = pieces[random.Next(pieces.Length)];
                switch (random.Next(4))
                {
                    case 0 when at < args.Count:
                        args[at] = piece;
                        break;
                    case 1 when at < args.Count:
                        args.RemoveAt(at);
                        break;
                    case 2:
                        args.Insert(at, piece);
                        break;
                    default:
                        args.Add(pieces.Where(p => p.StartsWith("--", StringComparison.Ordinal)).ElementAt(random.Next(20)));
                        args.Add(piece);
                        break;
                }
            }

            var resolved = args.Select(a => a.Replace("RUNS", _runs, StringComparison.Ordinal)).ToArray();

            var (code, _, error) = Tool.Run(resolved);

            var shown = string.Join(" ", args.Select(a => a.Length == 0 || a.Contains(' ', StringComparison.Ordinal) ? $"'{a}'" : a));
            error.Should().NotMatchRegex(UnexpectedException, $"scaling-laws {shown}");
            error.Should().NotContain("   at ", $"scaling-laws {shown}");
            code.Should().BeOneOf([0, 1, 2], $"scaling-laws {shown}");
            outcomes[code]++;
            if (code != 0)
            {
                error.Split('\n').Count(l => l.StartsWith("scaling-laws:", StringComparison.Ordinal)).Should().Be(1, $"scaling-laws {shown}: {error}");
            }
        }

        outcomes[0].Should().BeGreaterThan(30, "enough mutated command lines must still run to the end to exercise the commands");
        outcomes[2].Should().BeGreaterThan(30);
    }

    private string[] Arguments(string text) => text.Split(' ').Select(a => a.Replace("RUNS", _runs, StringComparison.Ordinal)).ToArray();
}
