using Briefingbot.Cards;
using Briefingbot.Chat.Help;
using Briefingbot.Chat.Letters;
using Briefingbot.Chat.MessageExtension;
using Briefingbot.Chat.Search;
using Briefingbot.Chat.Welcome;
using Briefingbot.Protocol;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Briefingbot.Chat;

public static class ChatServiceCollectionExtensions
{
    /// <summary>Registers the bot (IBot), the command router, cards and the search/letter/help commands.</summary>
    public static IServiceCollection AddChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ChatOptions>().Bind(configuration.GetSection(ChatOptions.Section));
        services.AddOptions<CardOptions>().Bind(configuration.GetSection(CardOptions.Section))
            .Validate(o => o.MaxCardBytes is > 1024 and <= 28 * 1024, "Cards:MaxCardBytes must be between 1 KB and 28 KB (Teams' limit).")
            .Validate(o => PublicLinks.IsValidBaseUrl(o.PublicBaseUrl), "Cards:PublicBaseUrl must be an absolute http(s) URL without query, e.g. https://briefingbot.example.org.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton<CardRenderer>();
        services.AddHttpContextAccessor();
        services.TryAddSingleton<PublicLinks>();
        services.TryAddSingleton<Briefingbot.Administration.Replies.ICardRenderer, SharedCardRenderer>();
        services.AddSingleton<ChatResponder>();
        services.TryAddSingleton<Briefingbot.Administration.People.UserNames>();
        // Conversation UI state in the store when there is one (shared by every instance); otherwise in a cache of
        // its own, bounded, so it neither competes with nor is evicted by other caches.
        services.AddSingleton<IConversationState>(sp => sp.GetService<Briefingbot.Storage.IConversationStateStore>() is { } store
            ? new StoreConversationState(store, sp.GetRequiredService<IOptions<ChatOptions>>(), sp.GetRequiredService<ILogger<StoreConversationState>>())
            : new MemoryConversationState(
                new MemoryCache(new MemoryCacheOptions { SizeLimit = 100_000 }),
                sp.GetRequiredService<IOptions<ChatOptions>>()));
        services.AddSingleton<CommandRouter>();
        services.AddSingleton<SearchAnswers>();
        services.AddSingleton<WelcomeGreeter>();
        services.AddSingleton<MessageExtensionSearch>();
        services.AddSingleton<IBot, BriefingBot>();

        services
            .AddCommand<SearchCommand>()
            .AddCommand<LetterCommand>()
            .AddCommand<MoreCommand>()
            .AddCommand<SimilarCommand>()
            .AddCommand<HelpCommand>()
            .AddCommand<Greeting.GreetingCommand>();
        return services;
    }

    /// <summary>Registers one command handler; the router finds it by its names.</summary>
    public static IServiceCollection AddCommand<THandler>(this IServiceCollection services)
        where THandler : class, ICommandHandler
    {
        services.AddSingleton<ICommandHandler, THandler>();
        return services;
    }
}
