using Briefingbot.Cli;
using Briefingbot.Hosting;
using Briefingbot.Protocol;
using Briefingbot.Registers;

var cli = CliRunner.IsCliInvocation(args);
// CLI verbs carry their own arguments ("search drones --json", "--help"); they are not configuration switches.
var builder = WebApplication.CreateBuilder(cli ? [] : args);
builder.AddBriefingbotDefaults();
builder.Services.AddBriefingbot(builder.Configuration).AddCliCommands();

if (cli)
{
    // Build the container and run the verb (after validating the settings, as a start would).
    builder.Services.ForCommandLine();
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
