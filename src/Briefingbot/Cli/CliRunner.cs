using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Globalization;
using Briefingbot.Kernel.Cli;
using Microsoft.Extensions.Options;

namespace Briefingbot.Cli;

/// <summary>
/// Runs a CLI verb instead of the web host when the first argument names one (or asks for help). Every verb
/// (<see cref="ICliCommand"/>) becomes a subcommand of one System.CommandLine root, so <c>--help</c> lists them all and
/// <c>VERB --help</c> shows one verb's options without running it. A misspelled option, a bad value or an unknown
/// verb is a usage error (exit code 2, the message on the error writer, the close spelling suggested); the bot's
/// settings are validated, as the server does at start, before a verb runs (exit code 1 when they are invalid).
/// </summary>
public static class CliRunner
{
    /// <summary>Exit code of a command line that does not parse (unknown verb or option, bad value).</summary>
    public const int UsageError = 2;

    /// <summary>Exit code when the settings (appsettings, environment) fail validation.</summary>
    public const int InvalidSettings = 1;

    /// <summary>Exit code when another process (a running bot) holds the letter index.</summary>
    public const int IndexInUse = 4;

    /// <summary>The root command's description for the bot executable.</summary>
    public const string BotDescription =
        "Briefingbot. Without a command it runs the bot (http://localhost:3978/api/messages); with one it runs that command and exits. " +
        "Settings come from appsettings.json and environment variables, as for the bot.";

    private static readonly string[] HelpTokens = ["--help", "-h", "-?", "/?", "/h", "--version"];

    /// <summary>Tokens starting with '@' are search text, not response files; no POSIX bundling of single-dash options.</summary>
    private static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null, EnablePosixBundling = false };

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

    /// <summary>
    /// Whether the arguments ask for a CLI verb rather than the server: a first argument that is not an option
    /// (<c>--Section:Key=value</c> switches configure the server), or a request for help or the version.
    /// </summary>
    public static bool IsCliInvocation(string[] args) =>
        args.Length > 0 && (!args[0].StartsWith('-') || HelpTokens.Contains(args[0], StringComparer.Ordinal));

    /// <summary>Runs the verb <paramref name="args"/> names, with the verbs and settings validation of <paramref name="services"/>.</summary>
    public static Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken,
        string name = "Briefingbot", string description = BotDescription) =>
        RunAsync(services.GetServices<ICliCommand>(), args, output, error, () => services.GetService<IStartupValidator>()?.Validate(), cancellationToken, name, description);

    /// <summary>Runs the verb <paramref name="args"/> names among <paramref name="commands"/>; <paramref name="validateSettings"/> runs first (throwing <see cref="OptionsValidationException"/>).</summary>
    public static async Task<int> RunAsync(IEnumerable<ICliCommand> commands, IReadOnlyList<string> args, TextWriter output, TextWriter error,
        Action? validateSettings, CancellationToken cancellationToken, string name = "Briefingbot", string description = BotDescription)
    {
        var root = BuildRoot(commands, name, description);
        var parse = root.Parse(args, Parsing);
        var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };

        if (parse.Action is ParseErrorAction)
        {
            await ReportAsync(parse, UnknownOptions(parse), error, name);
            return UsageError;
        }
        var verb = parse.CommandResult.Command;
        if (parse.Action is null || !ReferenceEquals(parse.Action, verb.Action))
        {
            // --help, --version: nothing of the verb runs.
            return await parse.InvokeAsync(invocation, cancellationToken);
        }
        if (UnknownOptions(parse) is { Count: > 0 } unknown)
        {
            await ReportAsync(parse, unknown, error, name);
            return UsageError;
        }
        if (SettingsProblems(validateSettings) is { Count: > 0 } problems)
        {
            await error.WriteLineAsync("The settings are not valid (appsettings.json, environment variables); the bot would not start with them either:");
            foreach (var problem in problems)
            {
                await error.WriteLineAsync("  " + problem);
            }
            return InvalidSettings;
        }
        try
        {
            return await parse.InvokeAsync(invocation, cancellationToken);
        }
        catch (Dossiers.Index.IndexInUseException ex)
        {
            // A running bot holds the index: say so, not a stack trace (its ingest would have corrupted the index).
            await error.WriteLineAsync(ex.Message);
            return IndexInUse;
        }
    }

    /// <summary>What is wrong with <paramref name="args"/> as a command line of <paramref name="commands"/> (empty when it parses), without running anything.</summary>
    internal static IReadOnlyList<string> UsageErrors(IEnumerable<ICliCommand> commands, IReadOnlyList<string> args)
    {
        var parse = BuildRoot(commands, "Briefingbot", BotDescription).Parse(args, Parsing);
        return [.. parse.Errors.Select(e => e.Message), .. UnknownOptions(parse).Select(t => $"Unknown option '{t.Value}'.")];
    }

    private static RootCommand BuildRoot(IEnumerable<ICliCommand> commands, string name, string description)
    {
        var root = new RootCommand(description) { HelpName = name };
        foreach (var command in commands.Select(c => c.CreateCommand()).OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            root.Add(command);
        }
        return root;
    }

    /// <summary>
    /// Option-like tokens ("--form") that a verb's free arguments took as text: System.CommandLine hands an unknown
    /// option to an argument that takes any number of words, and "search --form 2025-01-01 drones" would search for
    /// "--form 2025-01-01 drones". After "--" such tokens are text on purpose. Negative numbers are not options.
    /// </summary>
    private static List<Token> UnknownOptions(ParseResult parse)
    {
        var tokens = parse.Tokens.ToList();
        var doubleDash = tokens.FindIndex(t => t.Type == TokenType.DoubleDash);
        // Tokens are told apart by identity: "--x" before "--" and "--x" after it are equal values.
        var afterDoubleDash = doubleDash < 0 ? [] : tokens.Skip(doubleDash + 1).ToHashSet(ReferenceEqualityComparer.Instance);
        return [.. parse.CommandResult.Command.Arguments
            .SelectMany(argument => parse.GetResult(argument)?.Tokens ?? [])
            .Where(token => LooksLikeOption(token.Value) && !afterDoubleDash.Contains(token))];
    }

    private static bool LooksLikeOption(string value) =>
        value.Length > 1 && value[0] == '-' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static async Task ReportAsync(ParseResult parse, IReadOnlyList<Token> unknownOptions, TextWriter error, string name)
    {
        var command = parse.CommandResult.Command;
        var root = parse.RootCommandResult.Command;
        var unmatched = parse.UnmatchedTokens.ToList();
        if (command == root && (unmatched.Count == 0 || !LooksLikeOption(unmatched[0])))
        {
            await error.WriteLineAsync(unmatched.Count == 0
                ? "Name a command."
                : $"Unknown command '{unmatched[0]}'." + DidYouMean(unmatched[0], root.Subcommands.Select(c => c.Name)));
            await error.WriteLineAsync("Commands:");
            foreach (var c in root.Subcommands)
            {
                await error.WriteLineAsync($"  {c.Name,-16} {c.Description}");
            }
            await error.WriteLineAsync($"Run '{name} --help' for more, or '{name} COMMAND --help' for a command's options.");
            return;
        }

        var where = command == root ? name : $"'{command.Name}'";
        var optionNames = command.Options.Concat(root.Options.Where(o => o.Recursive))
            .SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal)).ToList();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in unmatched.Concat(unknownOptions.Select(t => t.Value)))
        {
            if (reported.Add(token))
            {
                await error.WriteLineAsync(LooksLikeOption(token)
                    ? $"Unknown option '{token}' for {where}." + DidYouMean(token, optionNames)
                    : $"Unexpected argument '{token}' for {where}.");
            }
        }
        foreach (var message in parse.Errors.Select(e => e.Message).Distinct(StringComparer.Ordinal))
        {
            // The unmatched tokens are reported above, with a suggestion; a missing verb is said by the unknown one.
            if (unmatched.Any(t => message.Contains($"'{t}'", StringComparison.Ordinal)) || (unmatched.Count > 0 && command == root))
            {
                continue;
            }
            await error.WriteLineAsync(message);
        }
        await error.WriteLineAsync(command == root
            ? $"Run '{name} --help' for the commands."
            : $"Run '{name} {command.Name} --help' for its options.");
    }

    /// <summary>" Did you mean '--from'?" for the candidates within two edits (a swap counts one), or "".</summary>
    private static string DidYouMean(string token, IEnumerable<string> candidates)
    {
        var close = candidates.Distinct(StringComparer.Ordinal)
            .Select(c => (Name: c, Distance: Distance(token, c)))
            .Where(c => c.Distance <= Math.Max(1, Math.Min(2, token.TrimStart('-').Length / 3)))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => $"'{c.Name}'")
            .ToList();
        return close.Count switch
        {
            0 => string.Empty,
            1 => $" Did you mean {close[0]}?",
            _ => $" Did you mean one of {string.Join(", ", close)}?",
        };
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }

    /// <summary>The validation failures of the settings, one line each (empty when valid).</summary>
    private static List<string> SettingsProblems(Action? validate)
    {
        try
        {
            validate?.Invoke();
            return [];
        }
        catch (OptionsValidationException ex)
        {
            return [.. ex.Failures];
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            return [.. ex.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures)];
        }
    }
}
