using Briefingbot.Storage;

namespace Briefingbot.Briefings.Commands;

/// <summary>
/// Whether the caller is an admin: listed in <c>Briefingbot:Admins</c> (configuration) or added with
/// <c>beheerder toevoegen</c> (the admin store). Checked by AAD object id, never by display name.
/// </summary>
public sealed class BriefingAdminCheck(IServiceProvider services, IConfiguration configuration)
{
    public async Task<bool> IsAdminAsync(string? aadObjectId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(aadObjectId))
        {
            return false;
        }
        var configured = configuration.GetSection("Briefingbot:Admins").Get<string[]>() ?? [];
        if (configured.Contains(aadObjectId, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }
        // The admin store comes with the storage work; without it only configured admins count.
        var store = services.GetService<IAdminStore>();
        return store is not null && await store.IsAdminAsync(aadObjectId, ct);
    }
}
