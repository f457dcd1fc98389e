using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Briefingbot.Settings;

/// <summary>
/// The one naming rule of the configuration: every feature has one section at the root, named after the feature
/// (<c>Bot</c>, <c>Dossiers</c>, <c>Storage</c>, <c>Chat</c>, <c>Cards</c>, <c>Sources</c>, <c>Telemetry</c>,
/// <c>Briefings</c>, <c>Calendar</c>, <c>Administration</c>). Environment variables use <c>__</c> for <c>:</c>
/// (<c>Briefings__ClaimTimeout</c>).
/// </summary>
/// <remarks>
/// Until release 1.x, sections lived under a <c>Briefingbot</c> prefix (<c>Briefingbot:Briefings</c>,
/// <c>Briefingbot:Calendar</c>, <c>Briefingbot:Admins</c> ...). Those keys keep working for one release: when the new
/// key is unset and the old one is set, the old one is used and a deprecation warning naming both keys is logged once
/// at start. When both are set the new key wins (and the warning says the old one is ignored).
/// </remarks>
public static class ConfigurationSections
{
    public const string Briefings = "Briefings";
    public const string Calendar = "Calendar";
    public const string Administration = "Administration";

    /// <summary>
    /// The configuration to bind for <paramref name="newName"/>, with the deprecated <paramref name="oldName"/> as a
    /// fallback per setting: a setting (a direct child, e.g. <c>Admins</c> with all its items) set under the new
    /// section wins; one set only under the old section is taken from there, with a warning. So defaults in
    /// appsettings.json under the new name never hide an old-style override from the environment.
    /// </summary>
    /// <param name="oldChildrenToIgnore">Children of the old section that belong to other sections (the old
    /// <c>Briefingbot</c> section holds <c>Briefings</c> and <c>Calendar</c> too).</param>
    public static IConfiguration Resolve(IServiceCollection services, IConfiguration configuration, string newName, string oldName,
        params string[] oldChildrenToIgnore)
    {
        var current = configuration.GetSection(newName);
        var oldSettings = configuration.GetSection(oldName).GetChildren()
            .Where(c => !oldChildrenToIgnore.Contains(c.Key, StringComparer.OrdinalIgnoreCase) && HasValue(c))
            .ToList();
        if (oldSettings.Count == 0)
        {
            return current;
        }
        var deprecations = Deprecations(services);
        var merged = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var setting in current.GetChildren().Where(HasValue))
        {
            Flatten(setting, setting.Key, merged);
        }
        foreach (var setting in oldSettings)
        {
            var newSetting = current.GetSection(setting.Key);
            var ignored = HasValue(newSetting);
            deprecations.Add($"{oldName}:{setting.Key}", $"{newName}:{setting.Key}", ignored);
            if (!ignored)
            {
                Flatten(setting, setting.Key, merged);
            }
        }
        return new ConfigurationBuilder().AddInMemoryCollection(merged).Build();
    }

    private static void Flatten(IConfigurationSection section, string path, Dictionary<string, string?> into)
    {
        if (section.Value is not null)
        {
            into[path] = section.Value;
        }
        foreach (var child in section.GetChildren())
        {
            Flatten(child, $"{path}:{child.Key}", into);
        }
    }

    /// <summary>A single deprecated key (not a section): its value when the new key is unset, with a warning.</summary>
    public static string? ResolveValue(IServiceCollection services, IConfiguration configuration, string newKey, params string[] oldKeys)
    {
        var value = configuration[newKey];
        foreach (var oldKey in oldKeys)
        {
            if (string.IsNullOrEmpty(configuration[oldKey]))
            {
                continue;
            }
            Deprecations(services).Add(oldKey, newKey, ignored: !string.IsNullOrEmpty(value));
            value = string.IsNullOrEmpty(value) ? configuration[oldKey] : value;
        }
        return value;
    }

    /// <summary>The deprecations found while registering services; logged once at start by <see cref="DeprecatedSettingsReporter"/>.</summary>
    public static DeprecatedSettings Deprecations(IServiceCollection services)
    {
        var existing = services.FirstOrDefault(d => d.ServiceType == typeof(DeprecatedSettings))?.ImplementationInstance as DeprecatedSettings;
        if (existing is not null)
        {
            return existing;
        }
        var created = new DeprecatedSettings();
        services.AddSingleton(created);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DeprecatedSettingsReporter>());
        return created;
    }

    // Empty values do not count as set: appsettings.json's "Admins": [] reads as an empty string, and must not hide
    // an old-style Briefingbot__Admins__0 from the environment.
    private static bool HasValue(IConfigurationSection section) =>
        !string.IsNullOrEmpty(section.Value) || section.GetChildren().Any(HasValue);
}

/// <summary>One deprecated key in use: <paramref name="Ignored"/> when the new key is set too and wins.</summary>
public sealed record DeprecatedSetting(string OldKey, string NewKey, bool Ignored);

/// <summary>The deprecated configuration keys this process was started with (each once).</summary>
public sealed class DeprecatedSettings
{
    private readonly List<DeprecatedSetting> _items = [];

    public IReadOnlyList<DeprecatedSetting> Items
    {
        get { lock (_items) { return [.. _items]; } }
    }

    public void Add(string oldKey, string newKey, bool ignored)
    {
        lock (_items)
        {
            if (!_items.Any(i => i.OldKey.Equals(oldKey, StringComparison.OrdinalIgnoreCase) && i.NewKey.Equals(newKey, StringComparison.OrdinalIgnoreCase)))
            {
                _items.Add(new DeprecatedSetting(oldKey, newKey, ignored));
            }
        }
    }
}

/// <summary>Logs every deprecated key once, when the host starts.</summary>
public sealed class DeprecatedSettingsReporter(DeprecatedSettings settings, ILogger<DeprecatedSettingsReporter> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var item in settings.Items)
        {
            if (item.Ignored)
            {
                logger.DeprecatedSettingIgnored(item.OldKey, item.NewKey);
            }
            else
            {
                logger.DeprecatedSettingUsed(item.OldKey, item.NewKey);
            }
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
