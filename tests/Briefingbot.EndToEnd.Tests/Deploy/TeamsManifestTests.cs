using System.Text.Json;
using Briefingbot.EndToEnd.Tests.Infrastructure;
using NJsonSchema;

namespace Briefingbot.EndToEnd.Tests.Deploy;

/// <summary>
/// deploy/teams/manifest.json validates against the official Teams app manifest schema of the version it declares
/// (a copy of the schema lives next to it), and its icons are what Teams accepts.
/// </summary>
public sealed class TeamsManifestTests
{
    private static string TeamsFolder => Path.Combine(RepoPaths.Root, "deploy", "teams");

    private static JsonElement Manifest() => JsonDocument.Parse(File.ReadAllText(Path.Combine(TeamsFolder, "manifest.json"))).RootElement;

    [Fact]
    public async Task Manifest_validates_against_the_schema_of_the_version_it_declares()
    {
        var version = Manifest().GetProperty("manifestVersion").GetString();
        var schemaPath = Path.Combine(TeamsFolder, $"teams-manifest-{version}.schema.json");
        Assert.True(File.Exists(schemaPath), $"No schema for manifestVersion {version} at {schemaPath}.");
        var schema = await JsonSchema.FromFileAsync(schemaPath);

        var errors = schema.Validate(await File.ReadAllTextAsync(Path.Combine(TeamsFolder, "manifest.json")));

        Assert.True(errors.Count == 0, "Schema errors:\n" + string.Join('\n', errors.Select(e => $"{e.Path}: {e.Kind} {e.Property}")));
        // The schema's own "manifestVersion" const (draft-04 validators may not enforce "const").
        var schemaVersion = JsonDocument.Parse(await File.ReadAllTextAsync(schemaPath)).RootElement
            .GetProperty("properties").GetProperty("manifestVersion").GetProperty("const").GetString();
        Assert.Equal(schemaVersion, version);
    }

    [Fact]
    public async Task The_validator_rejects_a_manifest_that_breaks_the_schema()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(TeamsFolder, "teams-manifest-1.30.schema.json"));
        var broken = (await File.ReadAllTextAsync(Path.Combine(TeamsFolder, "manifest.json")))
            .Replace("\"botId\": \"00000000-0000-0000-0000-000000000000\"", "\"botId\": \"not-a-guid\"", StringComparison.Ordinal);

        Assert.NotEmpty(schema.Validate(broken));
    }

    [Fact]
    public void Bot_serves_team_group_chat_and_personal_scopes_with_a_command_menu_and_a_search_extension()
    {
        var manifest = Manifest();
        var bot = manifest.GetProperty("bots")[0];
        var scopes = bot.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "team", "groupChat", "personal" }, scopes);

        var commands = bot.GetProperty("commandLists").EnumerateArray()
            .SelectMany(l => l.GetProperty("commands").EnumerateArray()).Select(c => c.GetProperty("title").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "help", "zoek", "toezeggingen", "vergaderingen", "briefing", "abonneer" }, commands);

        var search = manifest.GetProperty("composeExtensions")[0].GetProperty("commands").EnumerateArray().Single();
        Assert.Equal("searchLetters", search.GetProperty("id").GetString());
        Assert.Equal("query", search.GetProperty("type").GetString());
        Assert.Equal("query", search.GetProperty("parameters")[0].GetProperty("name").GetString());
        Assert.Equal(bot.GetProperty("botId").GetString(), manifest.GetProperty("composeExtensions")[0].GetProperty("botId").GetString());
    }

    [Fact]
    public void Color_icon_is_192_by_192_and_outline_icon_is_32_by_32_white_on_transparent()
    {
        var icons = Manifest().GetProperty("icons");
        var (cw, ch, _) = PngPixels.DecodeRgba(Path.Combine(TeamsFolder, icons.GetProperty("color").GetString()!));
        Assert.Equal((192, 192), (cw, ch));

        var (ow, oh, rows) = PngPixels.DecodeRgba(Path.Combine(TeamsFolder, icons.GetProperty("outline").GetString()!));
        Assert.Equal((32, 32), (ow, oh));
        var pixels = rows.SelectMany(r => r.Chunk(4)).ToList();
        Assert.All(pixels, p => Assert.True(p[3] == 0 || (p[0] == 255 && p[1] == 255 && p[2] == 255),
            $"Outline pixel ({p[0]},{p[1]},{p[2]},{p[3]}) is neither transparent nor white."));
        Assert.Contains(pixels, p => p[3] == 0);
        Assert.Contains(pixels, p => p[3] == 255);
    }
}
