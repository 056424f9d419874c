namespace ScalingLaws.Tests.Reliability;

/// <summary>
/// The library's failure policy (docs/style.md, "Bad input"): bad input throws <see cref="ArgumentException"/> or a subtype
/// before any work; a numerical outcome comes back as a status with a reason. The only other exception types a caller may see
/// are the ones a member documents for a non-argument reason (a missing file, a cancelled run, <c>EnsureConverged</c>).
/// Everything else — <see cref="NullReferenceException"/>, <see cref="IndexOutOfRangeException"/>, exceptions from inside
/// MathNet or CsvHelper, <see cref="InvalidOperationException"/>, overflow — is a bug.
/// </summary>
internal static class ExceptionPolicy
{
    /// <summary>Returns whether an exception is of a type the public API documents.</summary>
    public static bool IsDocumented(Exception exception) => exception switch
    {
        ArgumentException => true,           // includes ArgumentNullException and ArgumentOutOfRangeException
        FileNotFoundException => true,       // ObservationsCsv.Read(path), schedule and loss-curve CSV readers
        OperationCanceledException => true,  // Bootstrap.Run with a cancelled token
        FitFailedException => true,          // FitResult.EnsureConverged
        _ => false,
    };

    /// <summary>Runs <paramref name="action"/> and returns the exception it threw, or null; fails the test on an undocumented type.</summary>
    public static Exception? RunAllowingDocumented(Action action, string what)
    {
        try
        {
            action();
            return null;
        }
        catch (Exception e) when (IsDocumented(e))
        {
            return e;
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"{what} threw the undocumented {e.GetType().FullName}: {e.Message}\n{e.StackTrace}");
        }
    }
}
