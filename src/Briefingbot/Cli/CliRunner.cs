namespace Briefingbot.Cli;

/// <summary>Runs a CLI verb instead of the web host when the first argument names one.</summary>
public static class CliRunner
{
    /// <summary>Registers every <see cref="ICliCommand"/> in this assembly, so a feature adds a verb by adding a class.</summary>
    public static IServiceCollection AddCliCommands(this IServiceCollection services) => services.AddCliCommands(typeof(CliRunner).Assembly);

    /// <summary>Registers every <see cref="ICliCommand"/> in <paramref name="assembly"/> (the bench tool adds its verbs this way).</summary>
    public static IServiceCollection AddCliCommands(this IServiceCollection services, System.Reflection.Assembly assembly)
    {
        foreach (var type in assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICliCommand).IsAssignableFrom(t)))
        {
            services.AddSingleton(typeof(ICliCommand), type);
        }
        return services;
    }

    /// <summary>Whether the arguments ask for a CLI verb rather than the server (a first argument that is not an option).</summary>
    public static bool IsCliInvocation(string[] args) => args.Length > 0 && !args[0].StartsWith('-');

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var commands = services.GetServices<ICliCommand>().OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        var command = commands.FirstOrDefault(c => string.Equals(c.Name, args[0], StringComparison.OrdinalIgnoreCase));
        if (command is null)
        {
            await error.WriteLineAsync($"Unknown command '{args[0]}'. Commands:");
            foreach (var c in commands)
            {
                await error.WriteLineAsync($"  {c.Usage}");
            }
            await error.WriteLineAsync("  (no arguments)  run the bot on http://localhost:3978/api/messages");
            return 2;
        }

        return await command.RunAsync(args.Skip(1).ToList(), output, cancellationToken);
    }
}
