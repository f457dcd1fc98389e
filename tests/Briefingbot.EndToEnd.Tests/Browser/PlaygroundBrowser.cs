using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Briefingbot.EndToEnd.Tests.Infrastructure;

namespace Briefingbot.EndToEnd.Tests.Browser;

/// <summary>
/// The Playground's web UI in headless Chromium, driven by tests/e2e-tools/browser-driver.cjs (playwright-core with
/// Debian's /usr/bin/chromium, fresh profile, loopback only) over a line-based JSON protocol on its stdin/stdout.
/// </summary>
public sealed class PlaygroundBrowser : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(240);
    private readonly Process _node;
    private readonly StreamWriter _log;

    private PlaygroundBrowser(Process node, StreamWriter log)
    {
        _node = node;
        _log = log;
    }

    /// <summary>Opens the UI at <paramref name="url"/> and selects the conversation with tree label <paramref name="conversation"/>.</summary>
    public static async Task<PlaygroundBrowser> OpenAsync(string url, string conversation, string logName)
    {
        var script = Path.Combine(RepoPaths.E2eTools, "browser-driver.cjs");
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoPaths.E2eTools,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(script);
        var node = Process.Start(info) ?? throw new InvalidOperationException("Could not start node.");
        var log = new StreamWriter(Path.Combine(RepoPaths.Logs, $"browser-{logName}.log")) { AutoFlush = true };
        node.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (log)
                {
                    log.WriteLine("stderr: " + e.Data);
                }
            }
        };
        node.BeginErrorReadLine();
        var browser = new PlaygroundBrowser(node, log);
        await browser.CommandAsync(new JsonObject { ["cmd"] = "open", ["url"] = url, ["conversation"] = conversation });
        return browser;
    }

    /// <summary>Types <paramref name="text"/> and waits for a new rendered card containing <paramref name="expect"/>.</summary>
    public async Task<RenderedCard> SendAsync(string text, string expect)
    {
        var answer = await CommandAsync(new JsonObject { ["cmd"] = "send", ["text"] = text, ["expect"] = expect });
        return new RenderedCard(answer.GetProperty("card").GetInt32(), answer.GetProperty("text").GetString()!);
    }

    /// <summary>Waits for a card the bot posted on its own (a proactive alert) whose text contains <paramref name="expect"/>.</summary>
    public async Task<RenderedCard> WaitForCardAsync(string expect, TimeSpan timeout)
    {
        var answer = await CommandAsync(new JsonObject { ["cmd"] = "wait", ["expect"] = expect, ["timeoutMs"] = (int)timeout.TotalMilliseconds });
        return new RenderedCard(answer.GetProperty("card").GetInt32(), answer.GetProperty("text").GetString()!);
    }

    /// <summary>Presses the button titled <paramref name="title"/> in a card and waits for a card containing <paramref name="expect"/>.</summary>
    public async Task<RenderedCard> ClickAsync(RenderedCard card, string title, string expect)
    {
        var answer = await CommandAsync(new JsonObject { ["cmd"] = "click", ["card"] = card.Index, ["title"] = title, ["expect"] = expect });
        return new RenderedCard(answer.GetProperty("card").GetInt32(), answer.GetProperty("text").GetString()!);
    }

    /// <summary>The rendered card's text and layout facts (empty text blocks and containers, button titles, bold runs).</summary>
    public async Task<CardInspection> InspectAsync(RenderedCard card)
    {
        var answer = await CommandAsync(new JsonObject { ["cmd"] = "inspect", ["card"] = card.Index });
        return new CardInspection(
            answer.GetProperty("text").GetString()!,
            answer.GetProperty("textBlocks").GetInt32(),
            answer.GetProperty("emptyTextBlocks").GetInt32(),
            answer.GetProperty("emptyContainers").GetInt32(),
            [.. answer.GetProperty("buttons").EnumerateArray().Select(b => b.GetString() ?? "")],
            [.. answer.GetProperty("strong").EnumerateArray().Select(b => b.GetString() ?? "")],
            answer.GetProperty("height").GetDouble());
    }

    /// <summary>Saves a PNG of the rendered card to artifacts/screenshots/<paramref name="fileName"/>; returns the path.</summary>
    public async Task<string> ScreenshotAsync(RenderedCard card, string fileName)
    {
        var path = Path.Combine(RepoPaths.Screenshots, fileName);
        await CommandAsync(new JsonObject { ["cmd"] = "screenshot", ["card"] = card.Index, ["path"] = path });
        return path;
    }

    private async Task<JsonElement> CommandAsync(JsonObject command)
    {
        var line = command.ToJsonString();
        lock (_log)
        {
            _log.WriteLine("> " + line);
        }
        await _node.StandardInput.WriteLineAsync(line);
        await _node.StandardInput.FlushAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        string? reply;
        try
        {
            reply = await _node.StandardOutput.ReadLineAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The browser driver did not answer {command["cmd"]} within {CommandTimeout.TotalSeconds:0} s.");
        }
        if (reply is null)
        {
            throw new InvalidOperationException($"The browser driver exited during {command["cmd"]}; see artifacts/e2e-logs.");
        }
        lock (_log)
        {
            _log.WriteLine("< " + (reply.Length > 2000 ? reply[..2000] + "…" : reply));
        }
        var answer = JsonDocument.Parse(reply).RootElement.Clone();
        if (!answer.GetProperty("ok").GetBoolean())
        {
            throw new InvalidOperationException($"Browser: {command["cmd"]} failed: {answer.GetProperty("error").GetString()}");
        }
        return answer;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_node.HasExited)
            {
                // Closing stdin makes the driver close Chromium and remove its profile, then exit.
                _node.StandardInput.Close();
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await _node.WaitForExitAsync(timeout.Token);
            }
        }
        catch (OperationCanceledException)
        {
            _node.Kill(entireProcessTree: true);
        }
        finally
        {
            _node.Dispose();
            lock (_log)
            {
                _log.Dispose();
            }
        }
    }
}

/// <summary>A card as rendered in the UI: its position among the page's cards and its visible text.</summary>
public sealed record RenderedCard(int Index, string Text);

public sealed record CardInspection(
    string Text,
    int TextBlocks,
    int EmptyTextBlocks,
    int EmptyContainers,
    IReadOnlyList<string> Buttons,
    IReadOnlyList<string> BoldRuns,
    double Height);
