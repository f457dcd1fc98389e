using Briefingbot.Cli;
using Briefingbot.Dossiers;
using Briefingbot.Tests.Cards;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Briefingbot.Tests.Cli;

/// <summary>
/// The bot's verbs in-process, through <see cref="CliRunner"/> as Program runs them: a host with the Dossiers services
/// (real Lucene index in a temp folder over the seed letters), its settings validation and every verb found by reflection.
/// </summary>
internal sealed class BotCli : IDisposable
{
    public static readonly string Seeds = Path.Combine(NodeCardChecker.RepoRoot, "seeds");

    public string Folder { get; } = Directory.CreateTempSubdirectory("bb-cli-").FullName;

    public string IndexPath => Path.Combine(Folder, "index");

    public async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string?>? settings, params string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            EnvironmentName = "Development",
            ContentRootPath = Folder,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Dossiers:CorpusPath"] = Seeds,
            ["Dossiers:IndexPath"] = IndexPath,
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddDossiers(builder.Configuration).AddCliCommands();
        using var host = builder.Build();
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliRunner.RunAsync(host.Services, args, output, error, CancellationToken.None);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    public Task<CliRun> RunAsync(params string[] args) => RunAsync(null, args);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

internal sealed record CliRun(int Exit, string Output, string Error)
{
    public override string ToString() => $"exit {Exit}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
