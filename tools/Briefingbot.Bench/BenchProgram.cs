using Briefingbot.Cli;
using Briefingbot.Hosting;

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
        builder.Services.AddBriefingbot(builder.Configuration).AddCliCommands(typeof(BenchProgram).Assembly).ForCommandLine();
        await using var app = builder.Build();
        // No server mode here: without a verb the runner lists the verbs (exit code 2).
        return await CliRunner.RunAsync(app.Services, args, Console.Out, Console.Error, CancellationToken.None, Name, Description);
    }
}
