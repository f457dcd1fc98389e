using Briefingbot.Kernel.Replies;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Briefingbot.Cards;

public static class CardsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the card templates (<see cref="CardRenderer"/>), the <see cref="ICardRenderer"/> of the kernel's
    /// reply sender and the public links, and binds the <c>Cards</c> settings. The one registration of the renderer:
    /// AddChat and AddAdministration both call it, and the second call does nothing.
    /// </summary>
    public static IServiceCollection AddCards(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(CardRenderer)))
        {
            return services;
        }
        services.AddOptions<CardOptions>().Bind(configuration.GetSection(CardOptions.Section))
            .Validate(o => o.MaxCardBytes is > 1024 and <= 28 * 1024, "Cards:MaxCardBytes must be between 1 KB and 28 KB (Teams' limit).")
            .Validate(o => PublicLinks.IsValidBaseUrl(o.PublicBaseUrl), "Cards:PublicBaseUrl must be an absolute http(s) URL without query, e.g. https://briefingbot.example.org.")
            .ValidateOnStart();
        services.AddSingleton<CardRenderer>();
        services.AddHttpContextAccessor();
        services.TryAddSingleton<PublicLinks>();
        services.TryAddSingleton<ICardRenderer, SizeCheckedCardRenderer>();
        return services;
    }
}
