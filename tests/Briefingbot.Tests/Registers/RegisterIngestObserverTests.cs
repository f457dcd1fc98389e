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

    /// <summary>
    /// Moving a meeting to another date kept none of the letters that prepare it: the new row had no sources, and the
    /// next re-extraction linked them to the old date again (a QA pass). The old row now points to the new one.
    /// </summary>
    /// <summary>The seed letters ingested, and the seed RBZ Defensie moved two days on by an admin.</summary>
    private static async Task<(MeetingRecord Old, MeetingRecord Moved, List<string> Letters)> MoveSeedRbzAsync(CommandHarness bot)
    {
        await RegisterSeed.IngestAsync(bot);
        var rbz = (await bot.MeetingsAsync()).Single(m => m.Type == MeetingTypes.RbzDefensie);
        var letters = (await bot.MeetingRegister.SourcesAsync(rbz.Id)).Select(s => s.LetterId).ToList();
        await bot.SendAsync($"vergadering wijzigen {rbz.Id} {rbz.StartDate.AddDays(2):yyyy-MM-dd}", Anna);
        var moved = (await bot.MeetingsAsync()).Single(m => m.Type == MeetingTypes.RbzDefensie && !m.Cancelled);
        return (rbz, moved, letters);
    }

    [Fact]
    public async Task A_moved_meeting_keeps_the_letters_that_prepare_it_also_after_re_ingest()
    {
        await using var bot = new CommandHarness(Now);

        var (rbz, moved, letters) = await MoveSeedRbzAsync(bot);
        var afterMove = (await bot.MeetingRegister.SourcesAsync(moved.Id)).Select(s => s.LetterId).ToList();
        bot.Search.Letters.Clear();
        await RegisterSeed.IngestAsync(bot);
        var afterIngest = (await bot.MeetingRegister.SourcesAsync(moved.Id)).Select(s => s.LetterId).ToList();

        Assert.NotEmpty(letters);
        Assert.NotEqual(rbz.Id, moved.Id);
        Assert.Equal(letters, afterMove);
        Assert.Equal(letters, afterIngest);
        Assert.True((await bot.MeetingRegister.GetAsync(rbz.Id))!.Cancelled);
    }

    [Fact]
    public async Task Moving_a_meeting_back_to_its_old_date_makes_the_old_row_live_again_with_its_letters()
    {
        await using var bot = new CommandHarness(Now);
        var (rbz, moved, letters) = await MoveSeedRbzAsync(bot);

        var back = await bot.SendAsync($"vergadering wijzigen {moved.Id} {rbz.StartDate:yyyy-MM-dd}", Anna);

        var live = (await bot.MeetingsAsync()).Where(m => m.Type == MeetingTypes.RbzDefensie && !m.Cancelled).ToList();
        Assert.Equal(rbz.Id, Assert.Single(live).Id);
        Assert.Equal(letters, (await bot.MeetingRegister.SourcesAsync(rbz.Id)).Select(s => s.LetterId));
        Assert.Empty(await bot.MeetingRegister.SourcesAsync(moved.Id));
        Assert.Contains($"vervangen door vergadering {rbz.Id}", Reply(back));
    }

    [Fact]
    public async Task Removed_letter_leaves_the_registers()
    {
        await using var bot = new CommandHarness(Now);
        await RegisterSeed.IngestAsync(bot);
        var observer = RegisterSeed.Observer(bot);

        await observer.OnLetterRemovedAsync(RegisterSeed.Letter001, CancellationToken.None);

        Assert.DoesNotContain((await bot.PromisesAsync()), p => p.LetterId == RegisterSeed.Letter001);
        Assert.Contains((await bot.PromisesAsync()), p => p.LetterId == RegisterSeed.Letter000);
    }
}
