using Briefingbot.Dossiers.Ingest;
using Briefingbot.Dossiers.Meetings;
using Briefingbot.Registers;
using Briefingbot.Storage;
using Briefingbot.Tests.Administration.Fakes;
using Microsoft.Extensions.DependencyInjection;
using static Briefingbot.Tests.Administration.Fakes.CommandHarness;

namespace Briefingbot.Tests.Registers;

public class RegisterIngestObserverTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Observer_is_registered_for_the_ingest()
    {
        await using var bot = new CommandHarness(Now);
        Assert.Contains(bot.Services.GetServices<ILetterIngestObserver>(), o => o is RegisterIngestObserver);
    }

    [Fact]
    public async Task Ingesting_the_same_letters_twice_does_not_duplicate()
    {
        await using var bot = new CommandHarness(Now);
        await RegisterSeed.IngestAsync(bot);
        var promises = (await bot.PromisesAsync()).Count;
        var meetings = (await bot.MeetingsAsync()).Count;
        bot.Search.Letters.Clear();

        await RegisterSeed.IngestAsync(bot);

        Assert.Equal(promises, (await bot.PromisesAsync()).Count);
        Assert.Equal(meetings, (await bot.MeetingsAsync()).Count);
        var rbz = (await bot.MeetingsAsync()).Single(m => m.Type == MeetingTypes.RbzDefensie);
        Assert.Single(await bot.MeetingRegister.SourcesAsync(rbz.Id));
    }

    [Fact]
    public async Task Re_ingest_keeps_an_admins_decision()
    {
        await using var bot = new CommandHarness(Now);
        await RegisterSeed.IngestAsync(bot);
        var number = (await bot.PromisesAsync()).Single(p => p.DeadlinePhrase == "begin 2026").Number;
        await bot.SendAsync($"toezegging {number} voldaan", Anna);
        var rbz = (await bot.MeetingsAsync()).Single(m => m.Type == MeetingTypes.RbzDefensie);
        await bot.SendAsync($"vergadering wijzigen {rbz.Id} locatie Brussel", Anna);
        bot.Search.Letters.Clear();

        await RegisterSeed.IngestAsync(bot);

        Assert.Equal(PromiseStatus.Fulfilled, (await bot.PromiseRegister.GetAsync(number))!.Status);
        Assert.Equal("Brussel", (await bot.MeetingRegister.GetAsync(rbz.Id))!.Location);
    }

    [Fact]
    public async Task Removed_letter_leaves_the_registers()
    {
        await using var bot = new CommandHarness(Now);
        await RegisterSeed.IngestAsync(bot);
        var observer = bot.Services.GetServices<ILetterIngestObserver>().OfType<RegisterIngestObserver>().Single();

        await observer.OnLetterRemovedAsync(RegisterSeed.Letter001, CancellationToken.None);

        Assert.DoesNotContain((await bot.PromisesAsync()), p => p.LetterId == RegisterSeed.Letter001);
        Assert.Contains((await bot.PromisesAsync()), p => p.LetterId == RegisterSeed.Letter000);
    }
}
