namespace Briefingbot.Cli;

/// <summary>
/// A verb of the bot executable's command line (<c>Briefingbot index</c>, <c>search "drones" --json</c>, ...).
/// Nothing to register: <see cref="CliRunner.AddCliCommands(Microsoft.Extensions.DependencyInjection.IServiceCollection)"/> finds every non-abstract class of this assembly that
/// implements this interface by reflection and registers it as a singleton, so adding the class adds the verb.
/// </summary>
public interface ICliCommand
{
    string Name { get; }
    string Usage { get; }
    Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken);
}
