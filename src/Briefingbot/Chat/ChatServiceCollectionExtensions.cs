using Briefingbot.Cards;
using Briefingbot.Chat.Help;
using Briefingbot.Chat.Letters;
using Briefingbot.Chat.MessageExtension;
using Briefingbot.Chat.Search;
using Briefingbot.Chat.Welcome;
using Briefingbot.Kernel.Commands;
using Briefingbot.Kernel.People;
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
        services.AddCards(configuration);
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<ChatResponder>();
        services.TryAddSingleton<UserNames>();
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
        services.AddSingleton<ChannelTeams>();
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
}
