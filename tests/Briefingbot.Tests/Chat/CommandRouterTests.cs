using Briefingbot.Chat;
using Briefingbot.Chat.Help;
using Briefingbot.Chat.Letters;
using Briefingbot.Chat.Search;
using Briefingbot.Kernel.Commands;
using Microsoft.Extensions.DependencyInjection;

namespace Briefingbot.Tests.Chat;

public sealed class CommandRouterTests : IDisposable
{
    private readonly ChatTestHost _host = new(configure: s => { s.AddCommand<FakePromisesCommand>(); s.AddCommand<FakeCalendarImportCommand>(); s.AddCommand<FakePromiseCommand>(); });

    private CommandRouter Router => _host.Get<CommandRouter>();

    [Theory]
    [InlineData("zoek drones", typeof(SearchCommand), "drones")]
    [InlineData("search drones", typeof(SearchCommand), "drones")]
    [InlineData("ZOEK Drones Oekraïne", typeof(SearchCommand), "Drones Oekraïne")]
    [InlineData("brief 22112-4027", typeof(LetterCommand), "22112-4027")]
    [InlineData("letter 22112-4027", typeof(LetterCommand), "22112-4027")]
    [InlineData("meer", typeof(MoreCommand), "")]
    [InlineData("More", typeof(MoreCommand), "")]
    [InlineData("volgende", typeof(MoreCommand), "")]
    [InlineData("help", typeof(HelpCommand), "")]
    [InlineData("--help", typeof(HelpCommand), "")]
    [InlineData("vorige", typeof(MoreCommand), "")]
    [InlineData("hulp", typeof(HelpCommand), "")]
    [InlineData("HÉLP", typeof(HelpCommand), "")]
    [InlineData("Hulp   ", typeof(HelpCommand), "")]
    [InlineData("toezeggingen open", typeof(FakePromisesCommand), "open")]
    [InlineData("Toezéggingen", typeof(FakePromisesCommand), "")]
    [InlineData("help\uFFFD", typeof(HelpCommand), "")] // a NUL the edge made U+FFFD (QA pass: searched "help�")
    [InlineData("zoek \uFFFDdrones\uFFFD", typeof(SearchCommand), "drones")]
    public void Command_words_route_in_Dutch_and_English_ignoring_case_and_accents(string text, Type handler, string arguments)
    {
        var route = Router.Route(text);
        Assert.IsType(handler, route.Handler);
        Assert.Equal(arguments, route.Arguments);
        Assert.Null(route.Suggestion);
    }

    [Theory]
    [InlineData("@Briefingbot help")]
    [InlineData("@briefingbot, help")]
    [InlineData("<at>Briefingbot</at> help")]
    [InlineData("  <at>Briefingbot</at>   <at>Briefingbot</at> help")]
    [InlineData("/help")]
    public void A_leftover_mention_or_slash_is_tolerated(string text)
    {
        Assert.IsType<HelpCommand>(Router.Route(text).Handler);
    }

    [Theory]
    [InlineData("drones counter-drone", "drones counter-drone")]
    [InlineData("herstellening Oekraïne", "herstellening Oekraïne")]
    [InlineData("@Briefingbot drones", "drones")]
    [InlineData("wat zegt de minister over meer drones", "wat zegt de minister over meer drones")]
    public void Free_text_is_a_search_with_all_its_words(string text, string arguments)
    {
        var route = Router.Route(text);
        Assert.IsType<SearchCommand>(route.Handler);
        Assert.Equal(arguments, route.Arguments);
        Assert.Null(route.Suggestion);
    }

    [Fact]
    public void Empty_input_and_a_bare_mention_show_help()
    {
        Assert.IsType<HelpCommand>(Router.Route("").Handler);
        Assert.IsType<HelpCommand>(Router.Route("   ").Handler);
        Assert.IsType<HelpCommand>(Router.Route("@Briefingbot").Handler);
        Assert.IsType<HelpCommand>(Router.Route(null).Handler);
    }

    [Theory]
    [InlineData("hlep", "help")]
    [InlineData("hepl", "help")]
    [InlineData("brif 22112-4027", "brief 22112-4027")]
    [InlineData("zeok drones", "zoek drones")]
    [InlineData("toezegingen", "toezeggingen")]
    public void A_near_miss_of_a_command_word_still_searches_and_suggests_the_command(string text, string suggestion)
    {
        var route = Router.Route(text);
        Assert.IsType<SearchCommand>(route.Handler);
        Assert.Equal(text, route.Arguments);
        Assert.Equal(suggestion, route.Suggestion);
    }

    [Fact]
    public void A_near_miss_of_an_admin_command_suggests_the_command_word_without_the_typed_arguments()
    {
        // The suggestion becomes a button in the channel; an admin pressing it would import someone else's calendar.
        var route = Router.Route("agnda importeer https://evil.example/x.ics");

        Assert.IsType<SearchCommand>(route.Handler);
        Assert.Equal("agenda", route.Suggestion);
        // A command with an admin part too: "toezegging 3 voldaan" pressed by an admin would mark it fulfilled.
        Assert.Equal("toezegging", Router.Route("toezeging 3 voldaan").Suggestion);
    }

    [Theory]
    [InlineData("drones")]
    [InlineData("hulpmiddelen bij defensie")]
    [InlineData("breif van de minister over de inzet van drones in Europa")]
    [InlineData("ab")]
    public void Ordinary_words_and_long_sentences_get_no_suggestion(string text)
    {
        Assert.Null(Router.Route(text).Suggestion);
    }

    [Fact]
    public void Button_command_names_are_found_case_and_accent_insensitively()
    {
        Assert.IsType<LetterCommand>(Router.Find("BRIEF"));
        Assert.IsType<FakePromisesCommand>(Router.Find("toezéggingen"));
        Assert.Null(Router.Find("rm -rf"));
        Assert.Null(Router.Find(null));
        Assert.Null(Router.Find(new string('x', 500)));
    }

    [Fact]
    public void Regression_lone_surrogates_and_control_characters_do_not_break_routing()
    {
        // Unicode normalisation throws on a lone surrogate; found by the hostile-input test.
        var route = Router.Route("\ud800 drones\u0000");
        Assert.IsType<SearchCommand>(route.Handler);
        Assert.Equal("\uFFFD drones", route.Arguments);
        Assert.IsType<HelpCommand>(Router.Route("H\u0301ELP").Handler);
    }

    public void Dispose() => _host.Dispose();
}

/// <summary>Stands in for a command another feature registers with AddCommand (promises live in Registers).</summary>
public sealed class FakePromisesCommand : ICommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["toezeggingen", "promises"];

    public string Usage => "`toezeggingen`: open toezeggingen aan de Kamer";

    public string HelpGroup => CommandGroups.Registers;

    public int Calls { get; private set; }

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        Calls++;
        return context.Turn.SendActivityAsync(new Briefingbot.Protocol.Schema.Activity { Type = "message", Text = "toezeggingen: " + context.Arguments }, cancellationToken);
    }
}

public sealed class FakeCalendarImportCommand : ICommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["agenda"];

    public string Usage => "`agenda importeer ‹url›`: agenda importeren";

    public string HelpGroup => CommandGroups.Registers;

    public bool AdminOnly => true;

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed class FakePromiseCommand : ICommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["toezegging"];

    public string Usage => "`toezegging ‹nr› [voldaan]`: één toezegging; de status wijzigen (beheerders)";

    public string? UsageForEveryone => "`toezegging ‹nr›`: één toezegging";

    public string HelpGroup => CommandGroups.Registers;

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}
