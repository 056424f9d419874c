using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ScalingLaws.Cli;

/// <summary>
/// The <c>scaling-laws</c> command-line tool: <c>laws</c>, <c>fit</c>, <c>predict</c>, <c>optimal</c> and <c>schedule</c>.
/// </summary>
/// <remarks>
/// <para>Exit codes: 0 success; 1 the fit failed (did not converge); 2 bad usage or bad input (a missing or malformed file,
/// an unknown column or law, an invalid option). Errors are one line on stderr naming the problem, without stack traces.</para>
/// <para>Results go to stdout in the invariant culture; a progress bar for long work (the bootstrap) is drawn on stderr only
/// when stderr is a terminal.</para>
/// </remarks>
[SuppressMessage("Maintainability", "CA1515:Consider making public types internal",
    Justification = "Run is the in-process entry point of the end-to-end tests.")]
public static class Program
{
    /// <summary>Exit code: success.</summary>
    public const int Success = 0;

    /// <summary>Exit code: the fit failed (did not converge).</summary>
    public const int FitFailed = 1;

    /// <summary>Exit code: bad usage or bad input.</summary>
    public const int BadInput = 2;

    /// <summary>Runs the tool on the console.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <returns>The exit code.</returns>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the tool with the given writers (for tests and embedding).</summary>
    /// <param name="args">The command-line arguments, for example <c>["fit", "data.csv", "--law", "chinchilla", ...]</c>.</param>
    /// <param name="output">Receives results and help.</param>
    /// <param name="error">Receives errors (one line each) and, when it is an interactive console, progress bars.</param>
    /// <returns>The exit code: <see cref="Success"/>, <see cref="FitFailed"/> or <see cref="BadInput"/>.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            var context = new CommandContext(output, error, args);
            var root = new RootCommand("Fit neural scaling laws to CSV data, plot them, and extrapolate (ScalingLaws).")
            {
                LawsCommand.Create(context),
                FitCommand.Create(context),
                PredictCommand.Create(context),
                OptimalCommand.Create(context),
                ScheduleCommand.Create(context),
            };
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                error.WriteLine($"scaling-laws: {string.Join(" ", parse.Errors.Select(e => e.Message))} (see 'scaling-laws --help')");
                return BadInput;
            }

            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException e)
        {
            return Fail(error, e.Message, BadInput);
        }
        catch (FitFailedException e)
        {
            return Fail(error, e.Message, FitFailed);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or IOException or UnauthorizedAccessException
            or NotSupportedException)
        {
            return Fail(error, FitSpec.FirstLine(e.Message), BadInput);
        }
#pragma warning disable CA1031 // The tool must not show stack traces: anything unexpected is one line and exit code 1.
        catch (Exception e)
        {
            return Fail(error, $"unexpected {e.GetType().Name}: {FitSpec.FirstLine(e.Message)}", FitFailed);
        }
#pragma warning restore CA1031
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    private static int Fail(TextWriter error, string message, int code)
    {
        error.WriteLine($"scaling-laws: error: {message}");
        return code;
    }
}
