using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Briefingbot.Tests.TestSupport;

/// <summary>
/// The real host (Program) with its data (SQLite store, Lucene index) in a temp folder of its own, so tests never
/// write into the source tree and never share state. The seed corpus is the embedded default.
/// </summary>
public class BotHostFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;
    private readonly Action<IWebHostBuilder>? configure;

    /// <param name="settings">Settings on top of the defaults here (":" separated keys).</param>
    /// <param name="configure">More of the host's set-up (test services, logging), after the settings.</param>
    public BotHostFactory(IDictionary<string, string?>? settings = null, Action<IWebHostBuilder>? configure = null)
    {
        this.configure = configure;
        DataDirectory = Directory.CreateTempSubdirectory("briefingbot-host-").FullName;
        this.settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "sqlite",
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(DataDirectory, "briefingbot.db")}",
            ["Dossiers:IndexPath"] = Path.Combine(DataDirectory, "index"),
            // Replies are sent within the request (tests read them when the POST returns), however busy the machine.
            ["Bot:Outbox:InlineSendBudget"] = "00:01:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            this.settings[key] = value;
        }
    }

    public string DataDirectory { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        configure?.Invoke(builder);
    }

    public override async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        try
        {
            await base.DisposeAsync();
        }
        finally
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a finalising SQLite handle: the OS temp cleaner gets it.
            }
        }
    }
}
