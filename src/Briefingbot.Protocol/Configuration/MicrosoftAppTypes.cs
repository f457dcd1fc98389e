namespace Briefingbot.Protocol.Configuration;

/// <summary>The values of <c>MicrosoftAppType</c>, as Azure Bot Service names them.</summary>
public static class MicrosoftAppTypes
{
    /// <summary>Registered in the botframework.com tenant (new registrations deprecated since 2025-07-31).</summary>
    public const string MultiTenant = "MultiTenant";

    /// <summary>Registered in the customer's own tenant.</summary>
    public const string SingleTenant = "SingleTenant";

    /// <summary>A user-assigned managed identity in the customer's tenant; no password.</summary>
    public const string UserAssignedMsi = "UserAssignedMSI";

    internal static readonly string[] All = [MultiTenant, SingleTenant, UserAssignedMsi];
}
