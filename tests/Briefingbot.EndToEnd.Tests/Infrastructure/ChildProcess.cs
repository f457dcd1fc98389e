using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Briefingbot.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A child process in a process group of its own (started through <c>setsid</c>), its stdout and stderr copied to a
/// log file in artifacts/. Disposing kills the whole group, so nothing it started outlives the test run.
/// stdin stays open (a pipe we never close): the Agents Playground exits after start-up when its stdin closes.
/// </summary>
public sealed partial class ChildProcess : IAsyncDisposable
{
    private const int SigKill = 9;
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _gate = new();
    private readonly StringBuilder _recent = new();

    private ChildProcess(Process process, StreamWriter log, string logPath)
    {
        _process = process;
        _log = log;
        LogPath = logPath;
    }

    public string LogPath { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Waits for the process to exit (bounded by <paramref name="cancellationToken"/>).</summary>
    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>Raised for every line of output (stdout or stderr), e.g. to spot "Listening on 1234".</summary>
    public event Action<string>? Line;

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string?> environment, string logPath)
    {
        var info = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(fileName);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        var log = new StreamWriter(logPath, append: false, Encoding.UTF8) { AutoFlush = true };
        log.WriteLine($"$ {fileName} {string.Join(' ', info.ArgumentList.Skip(1))}   (cwd {workingDirectory})");
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process, log, logPath);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>The last lines of output, for failure messages.</summary>
    public string RecentOutput()
    {
        lock (_gate)
        {
            return _recent.ToString();
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_gate)
        {
            _log.WriteLine(line);
            _recent.AppendLine(line);
            if (_recent.Length > 8_000)
            {
                _recent.Remove(0, _recent.Length - 8_000);
            }
        }
        Line?.Invoke(line);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // setsid made the child a group leader: its pid is the group id. Kill the group, then the leader for sure.
            _ = Kill(-_process.Id, SigKill);
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // Reported below via the log; nothing else we can do.
            }
        }
        lock (_gate)
        {
            _log.WriteLine($"[exited: {(_process.HasExited ? _process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "still running")}]");
            _log.Dispose();
        }
        _process.Dispose();
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
