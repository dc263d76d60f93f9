using CorpusBot.Core.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CorpusBot.Core.Conversations;

public static class ConversationServiceCollectionExtensions
{
    /// <summary>Follow-up questions: the offline rewriter unless a provider registered a model-backed one first.</summary>
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        CoreServiceCollectionExtensions.AddValidatedOptions<ConversationOptions>(services, ConversationOptions.SectionName);
        services.AddSingleton<ConversationStore>();
        services.TryAddSingleton<IQuestionRewriter, OfflineQuestionRewriter>();
        services.AddSingleton<FollowUps>();
        return services;
    }
}
