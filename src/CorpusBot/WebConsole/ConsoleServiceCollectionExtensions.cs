using CorpusBot.Core.Hosting;
using CorpusBot.WebConsole.Answers;
using CorpusBot.WebConsole.Documents;
using CorpusBot.WebConsole.Gaps;
using CorpusBot.WebConsole.SignIn;
using CorpusBot.WebConsole.Stats;
using Microsoft.Extensions.DependencyInjection;

namespace CorpusBot.WebConsole;

/// <summary>Wires the web console. Registering it costs nothing; it listens only when Console:Url is set.</summary>
public static class ConsoleServiceCollectionExtensions
{
    public static IServiceCollection AddCorpusBotConsole(this IServiceCollection services)
    {
        CoreServiceCollectionExtensions.AddValidatedOptions<ConsoleOptions>(services, ConsoleOptions.SectionName);
        services.AddSingleton<ConsoleAddress>();
        services.AddSingleton<SignInLinks>();
        services.AddSingleton<ConsoleSessions>();
        services.AddSingleton<ConsoleRoles>();
        services.AddSingleton<ConsoleLinkCommand>();
        services.AddSingleton<AnswerQueries>();
        services.AddSingleton<PassageQueries>();
        services.AddSingleton<GapQueries>();
        services.AddSingleton<StatsQueries>();
        services.AddSingleton<AuditQueries>();
        services.AddSingleton<ConsoleServer>();
        return services;
    }

    /// <summary>Serves the console in this host (after the services registered before it have started: the database is migrated by then).</summary>
    public static IServiceCollection AddCorpusBotConsoleHost(this IServiceCollection services)
    {
        services.AddHostedService(sp => sp.GetRequiredService<ConsoleServer>());
        return services;
    }
}
