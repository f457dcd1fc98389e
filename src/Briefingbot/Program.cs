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

var cli = CliRunner.IsCliInvocation(args);
// CLI verbs carry their own arguments ("search drones --json", "--help"); they are not configuration switches.
var builder = WebApplication.CreateBuilder(cli ? [] : args);
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
    .AddCliCommands()
    .AddBriefingbotHealthChecks()
    .AddBriefingbotTelemetry(builder.Configuration);

if (cli)
{
    // No web server, no scheduler: build the container and run the verb (after validating the settings, as a start would).
    builder.Services.RemoveHostedServices();
    // Verbs own stdout (search --json is parsed by tools); log lines go to stderr.
    builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    await using var cliApp = builder.Build();
    return await CliRunner.RunAsync(cliApp.Services, args, Console.Out, Console.Error, CancellationToken.None);
}

var app = builder.Build();
app.MapHealth();
app.MapBotProtocol();
app.MapRegisters();
await app.RunAsync();
return 0;

/// <summary>Entry point type, public for WebApplicationFactory in tests.</summary>
public partial class Program;
