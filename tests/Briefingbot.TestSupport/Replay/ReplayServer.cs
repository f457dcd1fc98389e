using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Briefingbot.TestSupport.Replay;

/// <summary>A fault the replay server injects into the N-th feed page request.</summary>
public enum ReplayFault { TooManyRequests, ServerError, TruncatedPage }

/// <summary>
/// A stand-in for the Gegevensmagazijn and officiële bekendmakingen on 127.0.0.1 (an ephemeral port), serving a
/// <see cref="ReplayCorpus"/>: <c>/SyncFeed/2.0/Feed?category=X[&amp;skiptoken=N]</c> (Atom, the changes after N, a
/// <c>next</c> link per entry and per page), <c>/SyncFeed/2.0/Entiteiten/&lt;id&gt;</c>,
/// <c>/SyncFeed/2.0/Resources/&lt;id&gt;</c> and <c>/kst-….xml</c>. Faults are injected by feed-request number
/// (429 with Retry-After, 500, a page cut off in the middle). It counts requests per kind and can signal when a
/// number of requests has been served (the kill test kills its child then: no sleeps).
/// </summary>
public sealed class ReplayServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ReplayCorpus _corpus;
    private readonly int _pageSize;
    private readonly ConcurrentDictionary<int, ReplayFault> _faults = new();
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly Lock _waitLock = new();
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];
    private int _feedRequests;
    private int _requests;

    private ReplayServer(WebApplication app, ReplayCorpus corpus, int pageSize)
    {
        _app = app;
        _corpus = corpus;
        _pageSize = pageSize;
    }

    /// <summary>The base URL for both sources, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    public ReplayCorpus Corpus => _corpus;

    public int Requests => Volatile.Read(ref _requests);

    public int FeedRequests => Volatile.Read(ref _feedRequests);

    /// <summary>Requests per kind: feed, entity, resource, kst.</summary>
    public IReadOnlyDictionary<string, int> Counts => _counts;

    /// <summary>Injects <paramref name="fault"/> into the <paramref name="feedRequest"/>-th feed request (1-based).</summary>
    public void InjectFault(int feedRequest, ReplayFault fault) => _faults[feedRequest] = fault;

    /// <summary>Completes once <paramref name="count"/> requests have been answered.</summary>
    public Task WhenRequestsAsync(int count)
    {
        lock (_waitLock)
        {
            if (Requests >= count)
            {
                return Task.CompletedTask;
            }
            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
            return signal.Task;
        }
    }

    public static async Task<ReplayServer> StartAsync(ReplayCorpus corpus, int pageSize = 250, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new ReplayServer(app, corpus, pageSize);
        app.MapGet("/SyncFeed/2.0/Feed", server.FeedAsync);
        app.MapGet("/SyncFeed/2.0/Entiteiten/{id}", (string id, HttpContext http) => server.Entity(id, http));
        app.MapGet("/SyncFeed/2.0/Resources/{id}", (string id, HttpContext http) => server.Resource(id, http));
        app.MapGet("/{file}", (string file, HttpContext http) => server.Kamerstuk(file, http));
        await app.StartAsync(ct);
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return server;
    }

    private async Task FeedAsync(HttpContext http)
    {
        var number = Interlocked.Increment(ref _feedRequests);
        try
        {
            Count("feed");
            var category = http.Request.Query["category"].ToString();
            if (_faults.TryRemove(number, out var fault) && fault != ReplayFault.TruncatedPage)
            {
                http.Response.StatusCode = fault == ReplayFault.TooManyRequests ? 429 : 500;
                if (fault == ReplayFault.TooManyRequests)
                {
                    http.Response.Headers.RetryAfter = "1";
                }
                await http.Response.WriteAsync(fault == ReplayFault.TooManyRequests ? "Too many requests" : "Internal error");
                return;
            }
            var after = long.TryParse(http.Request.Query["skiptoken"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var token) ? token : long.MinValue;
            var changes = _corpus.Feeds.TryGetValue(category, out var list) ? list : [];
            var page = changes.Where(c => c.Seq > after).Take(_pageSize).ToList();
            var more = page.Count > 0 && changes.Any(c => c.Seq > page[^1].Seq);
            var xml = PageXml(category, after, page, more);
            var bytes = Encoding.UTF8.GetBytes(xml);
            if (fault == ReplayFault.TruncatedPage)
            {
                bytes = bytes[..(bytes.Length / 2)]; // a complete HTTP response carrying half a page
            }
            http.Response.ContentType = "application/atom+xml; charset=utf-8";
            http.Response.ContentLength = bytes.Length;
            await http.Response.Body.WriteAsync(bytes);
        }
        finally
        {
            Served();
        }
    }

    private string PageXml(string category, long after, IReadOnlyList<ReplayChange> page, bool more)
    {
        var sb = new StringBuilder();
        sb.Append("""<?xml version="1.0" encoding="utf-8"?>""")
            .Append("""<feed xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://www.w3.org/2005/Atom">""")
            .Append("<title>Gegevensmagazijn SyncFeed</title>")
            .Append(CultureInfo.InvariantCulture, $"""<link rel="self" href="{BaseUrl}/SyncFeed/2.0/Feed?skiptoken={(after == long.MinValue ? 0 : after)}&amp;category={category}"/>""");
        if (more)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""<link rel="next" href="{BaseUrl}/SyncFeed/2.0/Feed?skiptoken={page[^1].Seq}&amp;category={category}"/>""");
        }
        sb.Append("<updated>").Append(DateTimeOffset.UnixEpoch.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture)).Append("</updated>")
            .Append("<author><name>Tweede Kamer der Staten-Generaal</name></author>");
        foreach (var c in page)
        {
            sb.Append("<entry>")
                .Append("<title>").Append(c.Id).Append("</title>")
                .Append("<id>").Append(BaseUrl).Append("/SyncFeed/2.0/Entiteiten/").Append(c.Id).Append("</id>")
                .Append("<author><name>Tweede Kamer der Staten-Generaal</name></author>")
                .Append("<updated>").Append(c.Updated.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture)).Append("</updated>")
                .Append(CultureInfo.InvariantCulture, $"""<category term="{category.ToLowerInvariant()}"/>""")
                .Append(CultureInfo.InvariantCulture, $"""<link rel="next" href="{BaseUrl}/SyncFeed/2.0/Feed?skiptoken={c.Seq}&amp;category={category}"/>""");
            if (string.Equals(category, "Document", StringComparison.OrdinalIgnoreCase) && _corpus.File(c.Id) is not null)
            {
                sb.Append(CultureInfo.InvariantCulture, $"""<link rel="enclosure" href="{BaseUrl}/SyncFeed/2.0/Resources/{c.Id}"/>""");
            }
            sb.Append("""<content type="application/xml">""").Append(c.EntityXml).Append("</content></entry>");
        }
        sb.Append("</feed>");
        return sb.ToString();
    }

    private IResult Entity(string id, HttpContext http)
    {
        try
        {
            Count("entity");
            return _corpus.Entity(id) is { } xml ? Results.Text("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + xml, "application/xml", Encoding.UTF8) : Results.NotFound();
        }
        finally
        {
            Served();
        }
    }

    private IResult Resource(string id, HttpContext http)
    {
        try
        {
            Count("resource");
            return _corpus.File(id) is { } file ? Results.Bytes(file.Content, file.ContentType) : Results.NotFound();
        }
        finally
        {
            Served();
        }
    }

    private IResult Kamerstuk(string file, HttpContext http)
    {
        try
        {
            Count("kst");
            return file.EndsWith(".xml", StringComparison.Ordinal) && _corpus.KamerstukXml(file[..^4]) is { } xml
                ? Results.Text(xml, "application/xml", Encoding.UTF8)
                : Results.NotFound();
        }
        finally
        {
            Served();
        }
    }

    private void Count(string kind) => _counts.AddOrUpdate(kind, 1, (_, n) => n + 1);

    private void Served()
    {
        var served = Interlocked.Increment(ref _requests);
        lock (_waitLock)
        {
            foreach (var waiter in _waiters.Where(w => served >= w.Count).ToList())
            {
                waiter.Signal.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
