using System.Globalization;

namespace ScalingLaws.Cli;

/// <summary>A thread-safe text progress bar on stderr, drawn only when stderr is a terminal.</summary>
internal sealed class ProgressBar : IDisposable
{
    private const int Width = 30;
    private readonly TextWriter? _writer;
    private readonly string _label;
    private readonly Lock _lock = new();
    private int _done;
    private int _lastPercent = -1;
    private bool _drawn;

    private ProgressBar(TextWriter? writer, string label)
    {
        _writer = writer;
        _label = label;
    }

    /// <summary>Creates a bar that draws on <paramref name="error"/> only when it is the console's stderr and stderr is not
    /// redirected (a file, a pipe or a test's writer gets no bar).</summary>
    public static ProgressBar Create(TextWriter error, string label)
    {
        var interactive = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
        return new ProgressBar(interactive ? error : null, label);
    }

    public bool IsVisible => _writer is not null;

    /// <summary>Reports that one more item of <paramref name="total"/> is done (callable from worker threads).</summary>
    public void Report(int done, int total)
    {
        if (_writer is null || total <= 0)
        {
            return;
        }

        lock (_lock)
        {
            _done = Math.Max(_done, done);
            var percent = (int)(100L * _done / total);
            if (percent == _lastPercent)
            {
                return;
            }

            _lastPercent = percent;
            var filled = Width * percent / 100;
            _writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"\r{_label} [{new string('#', filled)}{new string('.', Width - filled)}] {percent,3}% {_done}/{total}"));
            _writer.Flush();
            _drawn = true;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_writer is not null && _drawn)
            {
                _writer.WriteLine();
                _drawn = false;
            }
        }
    }
}
