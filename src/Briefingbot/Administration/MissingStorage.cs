using System.Reflection;
using Briefingbot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Briefingbot.Administration;

/// <summary>
/// Stands in for storage contracts no provider registered, so the host still starts (health checks, search) while
/// the storage provider is missing; any use fails with a clear message instead of the container refusing to build.
/// <c>AddStorage()</c> runs first in Program.cs, so a real provider always wins over these (TryAdd).
/// </summary>
internal class MissingStorage : DispatchProxy
{
    public static void AddFallbacks(IServiceCollection services)
    {
        Add<IAdminStore>(services);
        Add<IAuditLog>(services);
        Add<ITopicStore>(services);
        Add<ISubscriptionStore>(services);
        Add<IPromiseRegister>(services);
        Add<IMeetingRegister>(services);
    }

    private static void Add<T>(IServiceCollection services)
        where T : class =>
        services.TryAddSingleton<T>(_ => Create<T, MissingStorage>());

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        throw new InvalidOperationException(
            $"No storage provider is registered for {targetMethod?.DeclaringType?.Name}; AddStorage() must register one (Storage:Provider = sqlite | postgres).");
}
