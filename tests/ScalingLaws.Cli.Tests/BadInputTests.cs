namespace ScalingLaws.Cli.Tests;

public sealed class BadInputTests : IDisposable
{
    private readonly string _folder = Tool.TempFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string[], string> BadArguments => new()
    {
        { [], "Required command" },
        { ["fit"], "--law" },
        { ["frobnicate"], "frobnicate" },
        { [.. Tool.ChinchillaFitArguments(), "--bogus"], "--bogus" },
        { ["fit", Tool.ChinchillaCsv, "--law", "nope", "--x", "N=Model Size"], "unknown law 'nope'" },
        { ["fit", Tool.ChinchillaCsv, "--law", "chinchilla", "--x", "N=Nope"], "no column 'Nope'" },
        { ["fit", Tool.ChinchillaCsv, "--law", "chinchilla", "--x", "N"], "--x 'N' is not NAME=HEADER" },
        { ["fit", Tool.ChinchillaCsv, "--law", "chinchilla", "--x", "N=Model Size", "--x", "C=Training FLOP"], "needs the input(s) D" },
        { ["fit", Tool.ChinchillaCsv, "--law", "chinchilla", "--x", "N=Model Size", "--x", "C=Training FLOP", "--derive", "D=C/(6*N"], "missing ')'" },
        { ["fit", Tool.ChinchillaCsv, "--law", "chinchilla", "--x", "N=Model Size", "--derive", "D=Q/N"], "no column 'Q'" },
        { ["fit", Tool.ChinchillaCsv, "--law", "chinchilla", "--x", "N=Model Size", "--derive", "D=system(N)"], "unknown function 'system'" },
        { [.. Tool.ChinchillaFitArguments(), "--plot", "fit.gif"], "--plot" },
        { [.. Tool.ChinchillaFitArguments(), "--loss", "huber:x"], "--loss" },
        { [.. Tool.ChinchillaFitArguments(), "--bootstrap", "1"], "--bootstrap" },
        { [.. Tool.ChinchillaFitArguments(), "--confidence", "1.5"], "ConfidenceLevel" },
        { [.. Tool.ChinchillaFitArguments(), "--size", "10x10"], "--size" },
        { [.. Tool.ChinchillaFitArguments(), "--json", "/no/such/folder/report.json"], "--json" },
        { ["fit", Tool.ChinchillaCsv, "--law", "chinchilla", "--x", "N=Model Size", "--x", "C=Training FLOP", "--derive", "D=C/(6*N)", "--drop-top", "999"], "--drop-top" },
        { ["laws", "nope"], "unknown law 'nope'" },
        { ["predict", .. Tool.ChinchillaFitArguments()[1..], "--at", "N=7e10"], "give a value for D" },
        { ["predict", .. Tool.ChinchillaFitArguments()[1..], "--at", "N=big"], "'big' is not a finite number" },
        { ["predict", .. Tool.ChinchillaFitArguments()[1..], "--at", "N=7e10,D=1.4e12,Q=5"], "Q is neither an input of law 'chinchilla'" },
        { ["schedule", "--schedule", "cosine:steps=100,peak=1e-3", "--every", "-3"], "--every -3: give a positive number of steps" },
        { ["schedule", "--schedule", "cosine:steps=100,peak=1e-3", "--every", "0"], "--every 0" },
        { ["schedule", "--schedule", "cosine:steps=100,peak=1e-3", "--annealing", "L0=2.5,A=0.5,alpha=0.5,C=200,L1=3"], "unknown parameter L1" },
        { ["optimal", "--compute", "5.76e23"], "--parameters" },
        { ["optimal", "--parameters", "E=1.69,A=406.4", "--compute", "5.76e23"], "missing alpha, B, beta" },
        { ["optimal", "--parameters", "E=1.69,A=406.4,alpha=0.34,B=410.7,beta=0.28", "--compute", "-1"], "--compute" },
        { ["schedule"], "--schedule" },
        { ["schedule", "--schedule", "cosine:steps=100"], "needs peak" },
        { ["schedule", "--schedule", "sawtooth:steps=100,peak=1e-3"], "unknown kind 'sawtooth'" },
        { ["schedule", "--schedule", "cosine:steps=100,peak=1e-3,colour=red"], "unknown key 'colour'" },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public void Run_BadArguments_ExitsTwoWithOneLineError(string[] args, string expected)
    {
        var (code, _, error) = Tool.Run(args);

        code.Should().Be(2);
        error.Should().Contain(expected);
        error.TrimEnd().Split('\n').Should().ContainSingle("errors are one line");
        error.Should().NotContain("   at ", "no stack traces");
    }

    [Fact]
    public void Run_MissingDataFile_ExitsTwoNamingTheFile()
    {
        var missing = Path.Combine(_folder, "missing.csv");

        var (code, _, error) = Tool.Run("fit", missing, "--law", "chinchilla", "--x", "N=a");

        code.Should().Be(2);
        error.Should().Contain("data file not found").And.Contain(missing);
    }

    [Theory]
    [InlineData("N,loss\n1e9,abc\n2e9,3.0\n", "abc")]
    [InlineData("N,loss\n1e9,3.1\n2e9\n", "2")]
    [InlineData("", "header row is required")]
    [InlineData("N;loss\n1e9;3.1\n", "N")]
    public void Run_MalformedCsv_ExitsTwoWithOneLineError(string content, string expected)
    {
        var csv = Path.Combine(_folder, "bad.csv");
        File.WriteAllText(csv, content);

        var (code, _, error) = Tool.Run("fit", csv, "--law", "power-law", "--x", "x=N");

        code.Should().Be(2);
        error.Should().StartWith("scaling-laws: error: ").And.Contain(expected);
        error.TrimEnd().Split('\n').Should().ContainSingle();
    }

    [Fact]
    public void Run_NonPositiveInputForPowerLaw_ExitsTwoNamingTheRow()
    {
        var csv = Path.Combine(_folder, "zero.csv");
        File.WriteAllText(csv, "N,loss\n1e9,3.1\n0,3.0\n3e9,2.9\n4e9,2.8\n");

        var (code, _, error) = Tool.Run("fit", csv, "--law", "power-law", "--x", "x=N");

        code.Should().Be(2);
        error.Should().StartWith("scaling-laws: error: ");
        error.TrimEnd().Split('\n').Should().ContainSingle();
    }
}
