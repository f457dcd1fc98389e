using Microsoft.Extensions.Options;

namespace Briefingbot.Protocol.Configuration;

/// <summary>Fails start-up with a clear message when the protocol settings cannot work.</summary>
internal sealed class BotProtocolOptionsValidator : IValidateOptions<BotProtocolOptions>
{
    public ValidateOptionsResult Validate(string? name, BotProtocolOptions options)
    {
        var errors = new List<string>();

        if (!MicrosoftAppTypes.All.Contains(options.MicrosoftAppType, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add($"MicrosoftAppType must be one of {string.Join(", ", MicrosoftAppTypes.All)} (got '{options.MicrosoftAppType}').");
        }

        if (!options.IsDevelopmentMode)
        {
            var msi = string.Equals(options.MicrosoftAppType, MicrosoftAppTypes.UserAssignedMsi, StringComparison.OrdinalIgnoreCase);
            if (!msi && string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
            {
                errors.Add("MicrosoftAppPassword is required when MicrosoftAppId is set (or set MicrosoftAppType to UserAssignedMSI).");
            }
            if (options.AcceptsEntraTokens && string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
            {
                errors.Add($"MicrosoftAppTenantId is required when MicrosoftAppType is {options.MicrosoftAppType}.");
            }
        }

        if (options.MicrosoftAppTenantId is { Length: > 0 } tenant && !IsPlainToken(tenant))
        {
            errors.Add("MicrosoftAppTenantId must be a tenant id or domain (letters, digits, '-' and '.').");
        }

        CheckMetadataUrl(errors, "Bot:OpenIdMetadataUrl", options.OpenIdMetadataUrl);
        CheckMetadataUrl(errors, "Bot:EntraOpenIdMetadataUrl", options.EntraOpenIdMetadataUrl);

        if (!string.IsNullOrWhiteSpace(options.TokenAuthority)
            && !(Uri.TryCreate(options.TokenAuthority, UriKind.Absolute, out var authority) && authority.Scheme == Uri.UriSchemeHttps))
        {
            errors.Add("Bot:TokenAuthority must be an absolute https URL.");
        }
        if (string.IsNullOrWhiteSpace(options.TokenScope))
        {
            errors.Add("Bot:TokenScope must not be empty.");
        }

        // Blank entries are skipped (an environment variable emptied to switch a host off), not an error.
        foreach (var host in (options.ExtraTrustedServiceUrlHosts ?? []).Where(h => !string.IsNullOrWhiteSpace(h)))
        {
            if (host.Contains('/', StringComparison.Ordinal) || host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('['))
            {
                errors.Add($"Bot:ExtraTrustedServiceUrlHosts entries are host names without scheme, port or path (got '{host}').");
            }
        }

        if (options.Outbox.PerConversationLimit < 1 || options.Outbox.TotalLimit < options.Outbox.PerConversationLimit)
        {
            errors.Add("Bot:Outbox:PerConversationLimit must be at least 1 and Bot:Outbox:TotalLimit at least as large.");
        }
        if (options.Outbox.DrainTimeout < TimeSpan.Zero || options.Outbox.InlineSendBudget < TimeSpan.Zero)
        {
            errors.Add("Bot:Outbox:DrainTimeout and Bot:Outbox:InlineSendBudget must not be negative.");
        }

        if (options.MaxRequestBodyBytes < 1024)
        {
            errors.Add("Bot:MaxRequestBodyBytes must be at least 1024.");
        }

        var retry = options.Retry;
        if (retry.MaxAttempts is < 1 or > 10)
        {
            errors.Add("Bot:Retry:MaxAttempts must be between 1 and 10.");
        }
        if (retry.BaseDelay < TimeSpan.Zero || retry.MaxDelay < retry.BaseDelay)
        {
            errors.Add("Bot:Retry:BaseDelay must be >= 0 and Bot:Retry:MaxDelay >= BaseDelay.");
        }
        if (retry.AttemptTimeout <= TimeSpan.Zero)
        {
            errors.Add("Bot:Retry:AttemptTimeout must be positive.");
        }

        CheckWindows(errors, "Bot:Pacing:PerConversation", options.Pacing.PerConversation);
        CheckWindows(errors, "Bot:Pacing:PerTenant", options.Pacing.PerTenant);
        if (options.Pacing.QueueLimit < 0)
        {
            errors.Add("Bot:Pacing:QueueLimit must be >= 0.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckMetadataUrl(List<string> errors, string key, string? value)
    {
        // Keys must come over TLS; plain http is allowed on loopback only, for tests and local tooling.
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        {
            errors.Add($"{key} must be an absolute https URL (http only on loopback).");
        }
    }

    private static void CheckWindows(List<string> errors, string key, IList<RateLimitWindow>? windows)
    {
        foreach (var w in windows ?? [])
        {
            if (w.PermitLimit < 1 || w.Window <= TimeSpan.Zero)
            {
                errors.Add($"{key}: every window needs PermitLimit >= 1 and a positive Window.");
                return;
            }
        }
    }

    private static bool IsPlainToken(string value) =>
        value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.');
}
