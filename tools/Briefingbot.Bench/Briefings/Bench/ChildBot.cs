using System.Diagnostics;

namespace Briefingbot.Briefings.Bench;

/// <summary>
/// The bot as a child process (<c>dotnet Briefingbot.dll</c> from this program's folder), configured through
/// environment variables, killed the hard way (<see cref="Kill"/>: no shutdown code runs, like SIGKILL). Waits are on
/// lines the bot logs, never on sleeps. For the crash test (<see cref="CrashRun"/>).
/// </summary>
public sealed class ChildBot : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Lock _lock = new();
    private readonly List<string> _lines = [];
    private readonly List<(string Text, int Count, TaskCompletionSource Signal)> _waiters = [];

    private ChildBot(Process process) => _process = process;

    /// <summary>Everything the bot wrote so far (for failure messages).</summary>
    public string Output
    {
        get { lock (_lock) { return string.Join('\n', _lines); } }
    }

    public static ChildBot Start(string workingDirectory, IReadOnlyDictionary<string, string> environment)
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
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var bot = new ChildBot(process);
        process.OutputDataReceived += (_, e) => bot.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => bot.OnLine(e.Data);
        process.Exited += (_, _) => bot.OnExited();
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
            if (count <= 0 || _lines.Count(l => l.Contains(text, StringComparison.Ordinal)) >= count)
            {
                return Task.CompletedTask;
            }
            if (_process.HasExited)
            {
                return Task.FromException(new InvalidOperationException($"The bot exited before logging '{text}' {count}x."));
            }
            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((text, count, signal));
            return signal.Task;
        }
    }

    /// <summary>Kills the process at once: no graceful shutdown.</summary>
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

    private void OnExited()
    {
        lock (_lock)
        {
            foreach (var waiter in _waiters)
            {
                waiter.Signal.TrySetException(new InvalidOperationException($"The bot exited before logging '{waiter.Text}' {waiter.Count}x."));
            }
            _waiters.Clear();
        }
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
