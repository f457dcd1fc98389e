using Briefingbot.Chat;
using Briefingbot.Chat.Greeting;
using Briefingbot.Chat.Search;
using Briefingbot.Kernel.Commands;
using Microsoft.Extensions.DependencyInjection;

namespace Briefingbot.Tests.Chat;

/// <summary>Issue 14 item 6: natural questions go to the registers, greetings and thanks get a short reply.</summary>
public sealed class NaturalQuestionTests : IDisposable
{
    private readonly ChatTestHost _host = new(configure: s => s.AddCommand<FakePromisesCommand>().AddCommand<FakeMeetingsCommand>()
        .AddCommand<FakePromiseCommand>().AddCommand<FakeAdminsCommand>());

    private CommandRouter Router => _host.Get<CommandRouter>();

    [Theory]
    [InlineData("wanneer is de volgende Raad Buitenlandse Zaken?", typeof(FakeMeetingsCommand), "raad buitenlandse zaken")]
    [InlineData("Wanneer is de Ecofinraad?", typeof(FakeMeetingsCommand), "ecofinraad")]
    // A QA pass: these got every meeting of 30 days, the open list, a keyword search and "Niets gevonden".
    [InlineData("wanneer is de volgende RBZ Defensie?", typeof(FakeMeetingsCommand), "rbz defensie")]
    [InlineData("welke vergaderingen zijn er deze week?", typeof(FakeMeetingsCommand), "deze week")]
    [InlineData("wanneer zijn er vergaderingen de komende 14 dagen?", typeof(FakeMeetingsCommand), "komende 14 dagen")]
    [InlineData("zijn er verlopen toezeggingen?", typeof(FakePromisesCommand), "verlopen")]
    [InlineData("wat is de status van toezegging 5?", typeof(FakePromiseCommand), "5")]
    [InlineData("wie zijn de beheerders?", typeof(FakeAdminsCommand), "")]
    [InlineData("wat heeft de minister toegezegd over drones?", typeof(FakePromisesCommand), "drones")]
    [InlineData("Welke toezeggingen zijn er over Oekraïne", typeof(FakePromisesCommand), "oekraine")]
    [InlineData("hallo", typeof(GreetingCommand), "hallo")]
    [InlineData("Hoi!", typeof(GreetingCommand), "hoi!")]
    [InlineData("bedankt!", typeof(GreetingCommand), "bedankt!")]
    [InlineData("dank je wel", typeof(GreetingCommand), "dank je wel")]
    [InlineData("drones", typeof(SearchCommand), "drones")]
    [InlineData("hallo drones", typeof(SearchCommand), "hallo drones")]
    // The Raad van State is the government's adviser, not a Council meeting (a QA pass got the meetings' usage hint).
    [InlineData("wanneer gaat de wet op de defensiegereedheid naar de raad van state?", typeof(SearchCommand), "wanneer gaat de wet op de defensiegereedheid naar de raad van state?")]
    [InlineData("wanneer is de volgende topprioriteit", typeof(SearchCommand), "wanneer is de volgende topprioriteit")]
    [InlineData("wanneer was de navo-top in den haag?", typeof(FakeMeetingsCommand), "navo-top in den haag")]
    public void Questions_and_small_talk_route_to_what_they_ask_for(string text, Type handler, string arguments)
    {
        var route = Router.Route(text);
        Assert.IsType(handler, route.Handler);
        Assert.Equal(arguments, route.Arguments);
    }

    [Fact]
    public void An_unsure_meeting_question_is_searched_with_a_hint()
    {
        var route = Router.Route("is er een vergadering van de komende raad over Oekraïne?");
        Assert.IsType<SearchCommand>(route.Handler);
        Assert.Equal("vergaderingen", route.Suggestion);
    }

    [Theory]
    [InlineData("hallo", "Hallo!")]
    [InlineData("bedankt!", "Graag gedaan!")]
    public async Task Greetings_and_thanks_get_a_friendly_reply_not_nothing_found(string text, string expected)
    {
        var turn = await _host.SayAsync(text);
        var said = CardAssert.AllText(turn.SingleCard());
        Assert.Contains(expected, said);
        Assert.DoesNotContain("Niets gevonden", said);
        Assert.Empty(_host.FakeSearch.Requests);
    }

    public void Dispose() => _host.Dispose();

    private sealed class FakePromiseCommand : ICommandHandler
    {
        public IReadOnlyList<string> Names { get; } = ["toezegging"];
        public string Usage => "`toezegging <nr>`";
        public Task HandleAsync(CommandContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class FakeAdminsCommand : ICommandHandler
    {
        public IReadOnlyList<string> Names { get; } = ["beheerders"];
        public string Usage => "`beheerders`";
        public Task HandleAsync(CommandContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class FakeMeetingsCommand : ICommandHandler
    {
        public IReadOnlyList<string> Names { get; } = ["vergaderingen"];
        public string Usage => "`vergaderingen`";
        public Task HandleAsync(CommandContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
