using System.CommandLine;

namespace Briefingbot.Kernel.Cli;

/// <summary>
/// A verb of the bot executable's command line (<c>Briefingbot index</c>, <c>search "drones" --json</c>, ...).
/// Nothing to register: <see cref="Briefingbot.Cli.CliRunner.AddCliCommands(Microsoft.Extensions.DependencyInjection.IServiceCollection)"/> finds every non-abstract class of this assembly that
/// implements this interface by reflection and registers it as a singleton, so adding the class adds the verb.
/// </summary>
/// <remarks>
/// The verb declares itself as a System.CommandLine <see cref="Command"/>: its name, description, typed options and
/// arguments (with their validators; <see cref="CliOptions"/> has the common kinds) and its action, which reads the
/// typed values from the <see cref="ParseResult"/>, writes to <c>parse.InvocationConfiguration.Output</c> and returns
/// the exit code. <see cref="Briefingbot.Cli.CliRunner"/> puts every verb under one root command, so unknown options, bad values and
/// <c>VERB --help</c> are handled before any action runs, and the bot's settings are validated before the action.
/// </remarks>
public interface ICliCommand
{
    /// <summary>A new command for one parse (called once per run; options may close over local variables).</summary>
    Command CreateCommand();
}
