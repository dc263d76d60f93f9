using System.CommandLine;
using CorpusBot.WebConsole;
using CorpusBot.WebConsole.SignIn;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CorpusBot.Cli;

/// <summary>
/// `corpusbot console`: the web console alone, for a deployment without Telegram (until SIGTERM or
/// Ctrl-C); `corpusbot console link USER_ID` prints a one-time sign-in link, as /console does in Telegram.
/// </summary>
internal static class ConsoleCommand
{
    public static Command Create()
    {
        var command = new Command("console", "Run the web console alone at Console:Url (without the Telegram bot) until SIGTERM or Ctrl-C.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await CliContext.StartWithCorpusAsync(parse, seedIfEmpty: false, cancellationToken);
            if (!host.Services.GetRequiredService<IOptions<ConsoleOptions>>().Value.Enabled)
            {
                await Console.Error.WriteLineAsync("Console:Url is empty: set it, e.g. --Console:Url=http://127.0.0.1:8081 or CORPUSBOT_Console__Url.");
                return ExitCodes.Configuration;
            }

            var server = host.Services.GetRequiredService<ConsoleServer>();
            await server.StartAsync(cancellationToken);
            if (server.Address is null)
            {
                await Console.Error.WriteLineAsync("The console could not listen at Console:Url (see the log above).");
                return ExitCodes.Failure;
            }

            await Console.Error.WriteLineAsync($"Web console at {server.Address}. Sign in with a link from `corpusbot console link USER_ID` (or /console in Telegram). Ctrl-C stops it.");
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await server.StopAsync(CancellationToken.None);
            return ExitCodes.Ok;
        });
        command.Subcommands.Add(CreateLink());
        return command;
    }

    private static Command CreateLink()
    {
        var user = new Argument<long>("USER_ID") { Description = "The numeric Telegram user id of a moderator or maintainer (Roles:*)." };
        var command = new Command("link", "Print a one-time sign-in link for a moderator or maintainer (valid Console:LinkMinutes, once).") { user };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await CliContext.StartWithCorpusAsync(parse, seedIfEmpty: false, cancellationToken);
            var id = parse.GetValue(user);
            if (!host.Services.GetRequiredService<IOptions<ConsoleOptions>>().Value.Enabled)
            {
                await Console.Error.WriteLineAsync("Console:Url is empty: set it (and Console:PublicUrl behind a proxy) so the link has an address.");
                return ExitCodes.Configuration;
            }

            if (!host.Services.GetRequiredService<ConsoleRoles>().IsStaff(id))
            {
                await Console.Error.WriteLineAsync($"{id} is neither in Roles:Moderators nor in Roles:Maintainers: a link for them would be refused.");
                return ExitCodes.Configuration;
            }

            var link = await host.Services.GetRequiredService<SignInLinks>().IssueAsync(id, cancellationToken);
            await Console.Out.WriteLineAsync(link.AbsoluteUri);
            return ExitCodes.Ok;
        });
        return command;
    }
}
