namespace ScalingLaws.Cli;

/// <summary>Bad usage or bad input that the tool reports in one line and exits with code 2.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UsageException()
    {
    }
}
