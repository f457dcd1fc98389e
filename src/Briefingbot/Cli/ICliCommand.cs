namespace Briefingbot.Cli;

/// <summary>
/// A verb of the bot executable's command line (<c>Briefingbot index</c>, <c>search "drones" --json</c>, ...).
/// Register with <c>services.AddSingleton&lt;ICliCommand, T&gt;()</c> in the feature's AddXyz().
/// </summary>
public interface ICliCommand
{
    string Name { get; }
    string Usage { get; }
    Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken);
}
