namespace Briefingbot.Settings;

/// <summary>Configuration log messages (event ids 9900-9999).</summary>
internal static partial class Log
{
    [LoggerMessage(9900, LogLevel.Warning, "Configuration key {OldKey} is deprecated and will be removed in the next release; use {NewKey} instead")]
    public static partial void DeprecatedSettingUsed(this ILogger logger, string oldKey, string newKey);

    [LoggerMessage(9901, LogLevel.Warning, "Configuration key {OldKey} is deprecated and ignored because {NewKey} is set too; remove {OldKey}")]
    public static partial void DeprecatedSettingIgnored(this ILogger logger, string oldKey, string newKey);
}
