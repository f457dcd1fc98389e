using System.Text.Json;
using Briefingbot.Tests.Chat.Fakes;

namespace Briefingbot.Tests.Chat;

public sealed class MessageExtensionTests(SeedIndex seeds) : IClassFixture<SeedIndex>
{
    private static string Query(string text, int skip = 0, int count = 25) =>
        $$$"""{"commandId":"zoekBrieven","parameters":[{"name":"searchQuery","value":{{{JsonSerializer.Serialize(text)}}}}],"queryOptions":{"skip":{{{skip}}},"count":{{{count}}}}}""";

    [Fact]
    public async Task Herstellening_on_the_real_index_returns_result_cards_each_at_most_28_KB()
    {
        using var host = new ChatTestHost(seeds.Search);
        var turn = await host.TurnAsync(FakeTurnContext.Invoke("composeExtension/query", Query("herstellening")));

        var result = Result(turn);
        Assert.Equal("result", result.GetProperty("type").GetString());
        Assert.Equal("list", result.GetProperty("attachmentLayout").GetString());
        var attachments = result.GetProperty("attachments").EnumerateArray().ToList();
        Assert.NotEmpty(attachments);
        foreach (var a in attachments)
        {
            Assert.Equal("application/vnd.microsoft.card.adaptive", a.GetProperty("contentType").GetString());
            var card = a.GetProperty("content");
            Assert.True(System.Text.Encoding.UTF8.GetByteCount(card.GetRawText()) <= 28 * 1024);
            Assert.Equal("application/vnd.microsoft.card.thumbnail", a.GetProperty("preview").GetProperty("contentType").GetString());
            // Inserted cards are posted where the bot may not be: no buttons that call the bot.
            Assert.DoesNotContain(CardAssert.Actions(card), x => x.Type is "Action.Execute" or "Action.Submit");
        }
        var firstText = CardAssert.AllText(attachments[0].GetProperty("content"));
        Assert.True(firstText.Contains("**herstellening", StringComparison.OrdinalIgnoreCase), firstText);
        Assert.Empty(turn.Sent);
    }

    /// <summary>
    /// Teams asks for [skip, skip + count): results are exactly that range, whatever the count (a QA pass: count 25
    /// read page skip/10, so skip 25 gave results 21-26 and results 11-20 were never shown).
    /// </summary>
    [Fact]
    public async Task Paging_returns_exactly_the_results_teams_asks_for()
    {
        using var host = new ChatTestHost(seeds.Search);
        async Task<List<string>> Page(int skip, int count)
        {
            var result = Result(await host.TurnAsync(FakeTurnContext.Invoke("composeExtension/query", Query("drones", skip, count))));
            return result.GetProperty("type").GetString() == "message"
                ? []
                // Keyed by the whole result: two passages can share a preview's first 160 characters.
                : result.GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("preview").GetProperty("content").GetRawText() + a.GetProperty("content").GetRawText()).ToList();
        }

        var byTen = new List<string>();
        for (var skip = 0; skip < 200; skip += 10)
        {
            var page = await Page(skip, 10);
            byTen.AddRange(page);
            if (page.Count < 10)
            {
                break;
            }
        }
        // As Teams asks: 25 at a time, the next request skipping what it holds.
        var by25 = new List<string>();
        for (var skip = 0; skip < 200; skip += 25)
        {
            var page = await Page(skip, 25);
            by25.AddRange(page);
            if (page.Count < 25)
            {
                break;
            }
        }
        var middle = await Page(3, 4);

        Assert.True(byTen.Count > 20, $"{byTen.Count} results");
        Assert.Equal(byTen.Count, byTen.Distinct().Count());
        Assert.Equal(byTen, by25); // every result once, in order, whatever the count
        Assert.Equal(byTen.Skip(3).Take(4), middle);
        Assert.Empty(await Page(byTen.Count, 10));
        var pastTheEnd = Result(await host.TurnAsync(FakeTurnContext.Invoke("composeExtension/query", Query("drones", byTen.Count, 10))));
        Assert.Equal("result", pastTheEnd.GetProperty("type").GetString()); // an empty list ends the scroll; a message would replace it
    }

    [Theory]
    [InlineData("""{"commandId":"zoekBrieven","parameters":[{"name":"initialRun","value":"true"}]}""")]
    [InlineData("""{"parameters":[{"name":"searchQuery","value":"   "}]}""")]
    [InlineData("""{"parameters":"x"}""")]
    [InlineData("""[]""")]
    [InlineData("""null""")]
    public async Task Empty_or_malformed_queries_get_a_hint_message(string value)
    {
        using var host = new ChatTestHost();
        var turn = await host.TurnAsync(FakeTurnContext.Invoke("composeExtension/query", value));
        var result = Result(turn);
        Assert.Equal("message", result.GetProperty("type").GetString());
        Assert.Contains("Typ een paar woorden", result.GetProperty("text").GetString());
    }

    [Fact]
    public async Task No_results_get_a_message_instead_of_an_empty_list()
    {
        using var host = new ChatTestHost();
        var turn = await host.TurnAsync(FakeTurnContext.Invoke("composeExtension/query", Query("xyzzy")));
        Assert.Contains("Niets gevonden voor ‘xyzzy’", Result(turn).GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_search_slower_than_the_budget_answers_in_time_with_a_message()
    {
        var search = new FakeLetterSearch { Delay = new TaskCompletionSource().Task };
        using var host = new ChatTestHost(search, new() { ["Chat:MessageExtensionTimeout"] = "00:00:04" });
        var pending = host.TurnAsync(FakeTurnContext.Invoke("composeExtension/query", Query("drones")));
        // The budget runs on the injected clock: move it past 4 s without waiting for real.
        while (!pending.IsCompleted && search.Requests.Count == 0)
        {
            await Task.Yield();
        }
        host.Time.Advance(TimeSpan.FromSeconds(5));
        var turn = await pending.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("duurde te lang", Result(turn).GetProperty("text").GetString());
    }

    /// <summary>
    /// A range over two pages whose second page is slow answers with what the first page held once the budget runs out,
    /// instead of waiting or answering nothing (a review).
    /// </summary>
    [Fact]
    public async Task A_slow_second_page_answers_with_the_results_read_in_time()
    {
        var search = new SecondCallHangs(seeds.Search);
        using var host = new ChatTestHost(search, new() { ["Chat:MessageExtensionTimeout"] = "00:00:04" });

        var pending = host.TurnAsync(FakeTurnContext.Invoke("composeExtension/query", Query("drones", skip: 7, count: 5)));
        while (!pending.IsCompleted && search.Calls < 2)
        {
            await Task.Yield();
        }
        host.Time.Advance(TimeSpan.FromSeconds(5));
        var result = Result(await pending.WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(2, search.Calls);
        Assert.Equal("result", result.GetProperty("type").GetString());
        Assert.Equal(3, result.GetProperty("attachments").GetArrayLength()); // results 8-10, of page 1
    }

    /// <summary>The seed index, whose second search never finishes (until cancelled).</summary>
    private sealed class SecondCallHangs(Briefingbot.Dossiers.Search.ILetterSearch inner) : Briefingbot.Dossiers.Search.ILetterSearch
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public async Task<Briefingbot.Dossiers.Search.SearchResponse> SearchAsync(string query, Briefingbot.Dossiers.Search.SearchFilters? filters = null, int page = 0, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Increment(ref _calls) >= 2)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            return await inner.SearchAsync(query, filters, page, cancellationToken);
        }

        public Task<Briefingbot.Dossiers.Letters.Letter?> GetLetterAsync(string id, CancellationToken cancellationToken = default) => inner.GetLetterAsync(id, cancellationToken);
        public Task<string> GetSummaryAsync(string letterId, CancellationToken cancellationToken = default) => inner.GetSummaryAsync(letterId, cancellationToken);
        public Task<IReadOnlyList<Briefingbot.Dossiers.Search.IndexedLetter>> ListLettersAsync(CancellationToken cancellationToken = default) => inner.ListLettersAsync(cancellationToken);
        public Task<Briefingbot.Dossiers.Search.QueryCheck> CheckQueryAsync(string query, CancellationToken cancellationToken = default) => inner.CheckQueryAsync(query, cancellationToken);
    }

    [Fact]
    public async Task A_failing_search_still_answers_the_invoke()
    {
        var search = new FakeLetterSearch { Failure = new IOException("schijf weg") };
        using var host = new ChatTestHost(search);
        var turn = await host.TurnAsync(FakeTurnContext.Invoke("composeExtension/query", Query("drones")));
        Assert.Equal("message", Result(turn).GetProperty("type").GetString());
    }

    private static JsonElement Result(FakeTurnContext turn)
    {
        Assert.NotNull(turn.InvokeResponse);
        Assert.Equal(200, turn.InvokeResponse!.Status);
        return JsonSerializer.SerializeToElement(turn.InvokeResponse.Body).GetProperty("composeExtension");
    }
}
