using System.Diagnostics;
using System.Globalization;

namespace Briefingbot.TestSupport.Bots;

/// <summary>
/// The bot as a separate process (<c>dotnet Briefingbot.dll</c> from the calling program's output folder), configured
/// through environment variables, so a test or a crash check can kill it the hard way (<see cref="Kill"/>: no shutdown
/// code runs, like SIGKILL) and start it again on the same store. Waits are on lines the bot logs, never on sleeps.
/// Used by the crash tests, the two-node fan-out test and <see cref="Briefings.CrashRun"/> (the <c>crash-test</c> verb).
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Lock _lock = new();
    private readonly List<string> _lines = [];
    private readonly List<(string Text, int Count, TaskCompletionSource Signal)> _waiters = [];
    private int _openStreams = 2;

    private BotProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the bot wrote so far (for failure messages).</summary>
    public string Output
    {
        get { lock (_lock) { return string.Join('\n', _lines); } }
    }

    /// <summary>
    /// Starts the bot in <paramref name="workingDirectory"/>. Defaults every child needs come first and may be
    /// overridden by <paramref name="environment"/>: one line per log entry (waiting on log text stays simple), the
    /// Production environment, and <c>Bot:AllowAnonymous</c> (the tests post without tokens; a Production host runs
    /// without an app id only when told so).
    /// </summary>
    public static BotProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Briefingbot.dll")])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        start.Environment["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Bot__AllowAnonymous"] = "true";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var process = new Process { StartInfo = start };
        var bot = new BotProcess(process);
        process.OutputDataReceived += (_, e) => bot.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => bot.OnLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bot;
    }

    /// <summary>
    /// Completes when <paramref name="count"/> logged lines contain <paramref name="text"/>; faults when the bot's
    /// output ends first (it exited: every line it wrote has been read by then, so none is missed).
    /// </summary>
    public Task WhenLoggedAsync(string text, int count = 1)
    {
        lock (_lock)
        {
            if (count <= 0 || _lines.Count(l => l.Contains(text, StringComparison.Ordinal)) >= count)
            {
                return Task.CompletedTask;
            }
            if (_openStreams == 0)
            {
                return Task.FromException(Exited(text, count));
            }
            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((text, count, signal));
            return signal.Task;
        }
    }

    /// <summary>Logged lines that contain <paramref name="text"/>.</summary>
    public IReadOnlyList<string> Lines(string text)
    {
        lock (_lock) { return _lines.Where(l => l.Contains(text, StringComparison.Ordinal)).ToList(); }
    }

    /// <summary>Kills the process and its children at once: no graceful shutdown, like a crash or SIGKILL.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private InvalidOperationException Exited(string text, int count)
    {
        string code;
        try
        {
            code = "exit code " + _process.ExitCode.ToString(CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException)
        {
            code = "exit code unknown";
        }
        return new InvalidOperationException($"The bot exited ({code}) before logging '{text}' {count}x:\n{string.Join('\n', _lines.TakeLast(80))}");
    }

    private void OnLine(string? line)
    {
        lock (_lock)
        {
            if (line is null)
            {
                // The end of one of the two streams; after both, no line can come any more.
                if (--_openStreams == 0)
                {
                    foreach (var waiter in _waiters)
                    {
                        waiter.Signal.TrySetException(Exited(waiter.Text, waiter.Count));
                    }
                    _waiters.Clear();
                }
                return;
            }
            _lines.Add(line);
            foreach (var waiter in _waiters.ToList())
            {
                if (line.Contains(waiter.Text, StringComparison.Ordinal)
                    && _lines.Count(l => l.Contains(waiter.Text, StringComparison.Ordinal)) >= waiter.Count)
                {
                    waiter.Signal.TrySetResult();
                    _waiters.Remove(waiter);
                }
            }
        }
    }
}
