using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Briefingbot.Tests.Chat.Fakes;

/// <summary>
/// For host tests of the chat while the storage work is not merged yet: every storage contract the host does not
/// register gets a stand-in that throws if called. Chat turns never call them; other features' command handlers
/// only need them to be constructible. A real registration always wins (only missing contracts are filled).
/// </summary>
public static class MissingStoreStandIns
{
    public static IServiceCollection AddMissingStoreStandIns(this IServiceCollection services)
    {
        var contracts = typeof(Briefingbot.Storage.IAdminStore).Assembly.GetTypes()
            .Where(t => t.IsInterface && t.Namespace == "Briefingbot.Storage")
            .Append(typeof(Briefingbot.Protocol.IConversationReferenceStore));
        foreach (var contract in contracts)
        {
            if (services.Any(d => d.ServiceType == contract))
            {
                continue;
            }
            var create = typeof(DispatchProxy).GetMethod(nameof(DispatchProxy.Create), 2, Type.EmptyTypes)!
                .MakeGenericMethod(contract, typeof(ThrowingProxy));
            services.AddSingleton(contract, create.Invoke(null, null)!);
        }
        return services;
    }

    public class ThrowingProxy : DispatchProxy
    {
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            throw new NotSupportedException($"{targetMethod?.DeclaringType?.Name}.{targetMethod?.Name} is not available in this test host.");
    }
}
