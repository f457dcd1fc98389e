using Microsoft.Extensions.Options;

namespace Briefingbot.Storage;

/// <summary>Fails start-up with a message that says which setting to fix.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (!options.IsSqlite && !options.IsPostgres)
        {
            failures.Add($"Storage:Provider '{options.Provider}' is unknown; use '{StorageOptions.Sqlite}' or '{StorageOptions.Postgres}'.");
        }
        else if (options.IsPostgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add("Storage:ConnectionString is required for the postgres provider, e.g. \"Host=db;Database=briefingbot;Username=briefingbot;Password=...\".");
        }

        if (options.FollowInterval <= TimeSpan.Zero)
        {
            failures.Add("Storage:FollowInterval must be positive, e.g. \"00:00:05\".");
        }
        if (options.MaxDeliveryAttempts is < 1 or > 20)
        {
            failures.Add("Storage:MaxDeliveryAttempts must be between 1 and 20.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
