using Briefingbot.Administration;
using Briefingbot.Briefings;
using Briefingbot.Chat;
using Briefingbot.Cli;
using Briefingbot.Dossiers;
using Briefingbot.Hosting;
using Briefingbot.Protocol;
using Briefingbot.Registers;
using Briefingbot.Sources;
using Briefingbot.Storage;

namespace Briefingbot.Bench;

/// <summary>
/// The benchmark / evaluation / crash-check tool: the product's services (as in src/Briefingbot's Program) with the
/// bench verbs of this assembly registered as CLI verbs. Run as <c>dotnet run --project tools/Briefingbot.Bench -- VERB</c>.
/// </summary>
public static class BenchProgram
{
    /// <summary>The tool's name in help and error messages.</summary>
    public const string Name = "Briefingbot.Bench";

    public const string Description =
        "Briefingbot benchmarks, evaluation and crash checks (not shipped). Run as: dotnet run --project tools/Briefingbot.Bench -- COMMAND [options]. " +
        "Settings come from appsettings.json and environment variables, as for the bot.";

    public static async Task<int> Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder([]);
        builder.AddBriefingbotDefaults();
        builder.Services
            .AddBotProtocol(builder.Configuration)
            .AddDossiers(builder.Configuration)
            .AddStorage(builder.Configuration)
            .AddChat(builder.Configuration)
            .AddRegisters(builder.Configuration)
            .AddAdministration(builder.Configuration)
            .AddBriefings(builder.Configuration)
            .AddSources(builder.Configuration)
            .AddCliCommands(typeof(BenchProgram).Assembly)
            .AddBriefingbotHealthChecks()
            .AddBriefingbotTelemetry(builder.Configuration);

        // No web server, no scheduler: build the container and run the verb.
        builder.Services.RemoveHostedServices();
        // Verbs own stdout (--json output is parsed by tools); log lines go to stderr.
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        await using var app = builder.Build();
        // No server mode here: without a verb the runner lists the verbs (exit code 2).
        return await CliRunner.RunAsync(app.Services, args, Console.Out, Console.Error, CancellationToken.None, Name, Description);
    }
}
