using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace DocsSnippets;

/// <summary>Checks that every <c>&lt;!-- snippet: name --&gt;</c> code block in docs/*.md equals the code between the
/// matching markers in the snippet sources, so the documentation cannot drift from code that compiles and runs.</summary>
public sealed partial class SnippetSyncTests
{
    [Fact]
    public void Markdown_SnippetBlocks_MatchCompiledSnippets()
    {
        var docs = FindDocsFolder();
        var sources = Directory.GetFiles(Path.Combine(docs, "snippets"), "*.cs")
            .Select(File.ReadAllText)
            .ToArray();
        var checkedCount = 0;
        foreach (var markdown in Directory.GetFiles(docs, "*.md"))
        {
            foreach (Match m in MarkdownSnippet().Matches(File.ReadAllText(markdown)))
            {
                var name = m.Groups["name"].Value;
                var shown = Normalize(m.Groups["code"].Value);
                var compiled = sources.Select(s => SourceSnippet(s, name)).FirstOrDefault(s => s is not null);
                compiled.Should().NotBeNull($"{Path.GetFileName(markdown)} shows snippet '{name}', which no snippet source defines");
                shown.Should().Be(compiled, $"{Path.GetFileName(markdown)} must show snippet '{name}' exactly as compiled");
                checkedCount++;
            }
        }

        checkedCount.Should().BeGreaterThan(0);
    }

    private static string? SourceSnippet(string source, string name)
    {
        var m = Regex.Match(source, $@"// begin-snippet: {Regex.Escape(name)}\r?\n(?<code>.*?)\r?\n\s*// end-snippet", RegexOptions.Singleline);
        return m.Success ? Normalize(m.Groups["code"].Value) : null;
    }

    private static string Normalize(string code)
    {
        var lines = code.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[0].Length == 0)
        {
            lines.RemoveAt(0);
        }

        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        var indent = lines.Where(l => l.Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..] : l));
    }

    // The docs folder: walk up from the test binaries to the repository root (works for in-tree builds, including CI's
    // deterministic builds whose source paths are mapped to /_/), else use this source file's compile-time path
    // (works for builds with an artifacts path outside the tree).
    private static string FindDocsFolder([CallerFilePath] string sourceFile = "")
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ScalingLaws.sln")))
        {
            dir = dir.Parent;
        }

        return dir is not null ? Path.Combine(dir.FullName, "docs") : Path.GetDirectoryName(Path.GetDirectoryName(sourceFile)!)!;
    }

    [GeneratedRegex(@"<!-- snippet: (?<name>[\w-]+) -->\s*```csharp\r?\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex MarkdownSnippet();
}
