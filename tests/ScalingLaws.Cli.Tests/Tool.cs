namespace ScalingLaws.Cli.Tests;

/// <summary>Runs the tool in-process and captures what it writes.</summary>
internal static class Tool
{
    public static string ChinchillaCsv => TestData.SharedFile("chinchilla-epoch/svg_extracted_data.csv");

    /// <summary>Epoch AI's Chinchilla fit: N and C read by header, D = C/(6N), 5 largest losses dropped, Huber on log residuals.</summary>
    public static string[] ChinchillaFitArguments(string command = "fit") =>
    [
        command, ChinchillaCsv, "--law", "chinchilla", "--x", "N=Model Size", "--x", "C=Training FLOP", "--derive", "D=C/(6*N)",
        "--y", "loss", "--loss", "huber:1e-3", "--log-residuals", "--drop-top", "5",
    ];

    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Program.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    public static string TempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "scaling-laws-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
