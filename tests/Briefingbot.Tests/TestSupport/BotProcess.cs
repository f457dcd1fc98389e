using System.Diagnostics;

namespace Briefingbot.Tests.TestSupport;

/// <summary>
/// The bot as a separate process (<c>dotnet Briefingbot.dll</c> from the test's output folder), configured through
/// environment variables, so a test can kill it the hard way (<see cref="Kill"/>: no shutdown code runs) and start
/// it again on the same database. Waits are on lines the bot logs, never on sleeps.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Lock _lock = new();
    private readonly List<string> _lines = [];
    private readonly List<(string Text, int Count, TaskCompletionSource Signal)> _waiters = [];

    private BotProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the bot wrote so far (for failure messages).</summary>
    public string Output
    {
        get { lock (_lock) { return string.Join('\n', _lines); } }
    }

    public static BotProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Briefingbot.dll")])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // One line per log entry keeps waiting on log text simple.
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Tests post without tokens: a Production host runs without an app id only when told so (fail closed).
        start.Environment["Bot__AllowAnonymous"] = "true";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var bot = new BotProcess(process);
        process.OutputDataReceived += (_, e) => bot.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => bot.OnLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bot;
    }

    /// <summary>Completes when <paramref name="count"/> logged lines contain <paramref name="text"/> (faults if the bot exits first).</summary>
    public Task WhenLoggedAsync(string text, int count = 1)
    {
        lock (_lock)
        {
            if (_lines.Count(l => l.Contains(text, StringComparison.Ordinal)) >= count)
            {
                return Task.CompletedTask;
            }
            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((text, count, signal));
            _process.Exited += (_, _) => signal.TrySetException(new InvalidOperationException($"The bot exited ({SafeExitCode()}) before logging '{text}' {count}x:\n{Output}"));
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

    private string SafeExitCode()
    {
        try { return "exit code " + _process.ExitCode; }
        catch (InvalidOperationException) { return "exit code unknown"; }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_lock)
        {
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
