namespace Briefingbot.Kernel.Commands;

/// <summary>Default help-card headings per feature folder, so a new command is grouped sensibly without extra code.</summary>
public static class CommandGroups
{
    public const string Search = "Zoeken in brieven";
    public const string Registers = "Toezeggingen en vergaderingen";
    public const string Briefings = "Wekelijkse briefing";
    public const string Administration = "Beheer";
    public const string Other = "Overig";

    /// <summary>The heading for a handler type, by the feature namespace it lives in.</summary>
    public static string ForHandler(Type handlerType)
    {
        var ns = handlerType.Namespace ?? "";
        if (ns.StartsWith("Briefingbot.Chat", StringComparison.Ordinal)) return Search;
        if (ns.StartsWith("Briefingbot.Registers", StringComparison.Ordinal)) return Registers;
        if (ns.StartsWith("Briefingbot.Briefings", StringComparison.Ordinal)) return Briefings;
        if (ns.StartsWith("Briefingbot.Administration", StringComparison.Ordinal)) return Administration;
        return Other;
    }

    /// <summary>Display order of the groups on the help card.</summary>
    public static int Order(string group) => group switch
    {
        Search => 0,
        Registers => 1,
        Briefings => 2,
        Administration => 3,
        _ => 4,
    };
}
