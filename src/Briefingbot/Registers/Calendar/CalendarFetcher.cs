using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Briefingbot.Registers.Calendar;

/// <summary>
/// Downloads an .ics file with limits: http(s) only, a time limit, a size limit, and (unless allowed) no connections
/// to loopback, private or link-local addresses. The address check runs when the socket connects, after DNS, so a
/// name that resolves to an internal address (or is re-pointed between check and use) cannot get through.
/// </summary>
public sealed class CalendarFetcher(IHttpClientFactory clients, IOptions<CalendarOptions> options)
{
    public const string ClientName = "calendar-import";

    /// <exception cref="CalendarImportException">With a Dutch reason the user can act on.</exception>
    public async Task<string> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            throw new CalendarImportException("alleen http- en https-links kunnen worden geïmporteerd");
        }
        var o = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(o.ImportTimeout);
        try
        {
            var client = clients.CreateClient(ClientName);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.ParseAdd("text/calendar");
            request.Headers.Accept.ParseAdd("*/*;q=0.5");
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new CalendarImportException($"de server antwoordde met {(int)response.StatusCode} {response.ReasonPhrase}");
            }
            if (response.Content.Headers.ContentLength > o.MaxImportBytes)
            {
                throw new CalendarImportException(TooLarge(o));
            }
            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            return await ReadLimitedAsync(stream, o.MaxImportBytes, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CalendarImportException($"het ophalen duurde langer dan {o.ImportTimeout.TotalSeconds:0} seconden");
        }
        catch (HttpRequestException ex) when (ex.InnerException is BlockedAddressException)
        {
            throw new CalendarImportException("die link wijst naar een intern netwerkadres; dat is niet toegestaan", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new CalendarImportException("de link kon niet worden opgehaald", ex);
        }
    }

    /// <summary>Reads text up to <paramref name="maxBytes"/>; more is refused rather than silently cut.</summary>
    public static async Task<string> ReadLimitedAsync(Stream stream, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new CalendarImportException($"het bestand is groter dan {maxBytes / 1024} kB");
            }
            buffer.Write(chunk, 0, read);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static string TooLarge(CalendarOptions o) => $"het bestand is groter dan {o.MaxImportBytes / 1024} kB";

    /// <summary>The handler of the named client: connects only to public addresses unless configured otherwise.</summary>
    public static SocketsHttpHandler CreateHandler(CalendarOptions o) => new()
    {
        AllowAutoRedirect = true,
        MaxAutomaticRedirections = 3,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        ConnectCallback = async (context, cancellationToken) =>
        {
            var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
            var allowed = addresses.Where(a => o.AllowPrivateNetworks || IsPublic(a)).ToArray();
            if (allowed.Length == 0)
            {
                throw new BlockedAddressException(context.DnsEndPoint.Host);
            }
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    /// <summary>False for loopback, private (RFC 1918, unique local), link-local, CGNAT and unspecified addresses.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return false;
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 10 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168) ||
                     (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) || b[0] == 0);
        }
        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast);
    }

    private sealed class BlockedAddressException(string host) : IOException($"Connections to internal addresses are not allowed ({host}).");
}
