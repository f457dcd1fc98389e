namespace Briefingbot.Cards;

/// <summary>Settings of section <c>Cards</c>.</summary>
public sealed class CardOptions
{
    public const string Section = "Cards";

    /// <summary>Folder with the templates; relative paths are taken from the application folder (the build copies cards/ there).</summary>
    public string TemplatesPath { get; set; } = "cards";

    /// <summary>Teams' limit for one card (28 KB); larger answers are made compact or cut.</summary>
    public int MaxCardBytes { get; set; } = 28 * 1024;
}
