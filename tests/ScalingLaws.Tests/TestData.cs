using System.Runtime.CompilerServices;

namespace ScalingLaws.Tests;

/// <summary>Locates the shared data folder (<c>../shared/data</c> next to the repository root) for tests.</summary>
/// <remarks>
/// The repository root is the first folder holding ScalingLaws.sln above, in turn, the test assembly
/// (<see cref="AppContext.BaseDirectory"/>), this source file (builds with <c>--artifacts-path</c> outside the repository)
/// and the current directory. The environment variable <c>SCALINGLAWS_SHARED_DATA</c> overrides the data folder.
/// </remarks>
internal static class TestData
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>Gets the repository root.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>Gets the shared data folder, <c>&lt;repository&gt;/../shared/data</c>.</summary>
    public static string SharedDataDirectory =>
        Environment.GetEnvironmentVariable("SCALINGLAWS_SHARED_DATA") is { Length: > 0 } overridden
            ? overridden
            : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));

    /// <summary>Gets the full path of a file under the shared data folder and fails with a clear message if it is missing.</summary>
    /// <param name="relativePath">Path under the shared data folder, for example <c>chinchilla-epoch/svg_extracted_data.csv</c>.</param>
    /// <returns>The full path.</returns>
    public static string SharedFile(string relativePath)
    {
        var path = Path.Combine(SharedDataDirectory, relativePath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"Test data '{path}' is missing. It lives outside the repository in ../shared/data (see the SOURCE.md of its folder).",
                path);
        }

        return path;
    }

    private static string FindRepositoryRoot()
    {
        string?[] origins = [AppContext.BaseDirectory, Path.GetDirectoryName(SourceFile()), Directory.GetCurrentDirectory()];
        foreach (var origin in origins)
        {
            for (var dir = origin is null ? null : new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ScalingLaws.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException(
            $"No folder above '{AppContext.BaseDirectory}' or the current directory holds ScalingLaws.sln; run the tests from inside the repository.");
    }

    private static string SourceFile([CallerFilePath] string path = "") => path;
}
