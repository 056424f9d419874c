namespace ScalingLaws.Cli;

/// <summary>Where a command writes, and the command line (recorded in reports).</summary>
internal sealed class CommandContext(TextWriter output, TextWriter error, IReadOnlyList<string> args)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public string CommandLine { get; } = "scaling-laws " + string.Join(' ', args.Select(Quote));

    private static string Quote(string arg) => arg.Length > 0 && !arg.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '(' or ')' or '*' or '^')
        ? arg
        : "\"" + arg.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
