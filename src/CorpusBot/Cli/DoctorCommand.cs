using System.CommandLine;
using CorpusBot.Core.Storage;
using CorpusBot.Operations.Doctor;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CorpusBot.Cli;

/// <summary>`corpusbot doctor`: one line per check with ✓ or ✗ and what to do; exit code 1 when any check fails.</summary>
internal static class DoctorCommand
{
    public static Command Create()
    {
        var command = new Command(
            "doctor",
            "Check the set-up: configuration, database, model, chat endpoint, Telegram token and webhook, admin port, backup folder. Exits 1 if anything needs fixing.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            Console.OutputEncoding = System.Text.Encoding.UTF8;
            Microsoft.Extensions.Hosting.IHost host;
            try
            {
                host = await CliContext.StartHostAsync(parse, cancellationToken);
            }
            catch (OptionsValidationException e)
            {
                foreach (var failure in e.Failures)
                {
                    await Console.Out.WriteLineAsync(new DoctorCheck("configuration", false, ConfigurationErrors.Clean(failure)).ToString());
                }

                await Console.Out.WriteLineAsync("Fix the configuration first; the other checks need it.");
                return ExitCodes.Failure;
            }

            using (host)
            {
                await Console.Out.WriteLineAsync(DoctorCheck.Pass("configuration", "valid (appsettings.json, CORPUSBOT_ environment variables, command line).").ToString());
                var failed = 0;
                var doctor = new Doctor(host.Services, host.Services.GetRequiredService<ContentRoot>());
                await foreach (var check in doctor.RunAsync(cancellationToken))
                {
                    failed += check.Ok ? 0 : 1;
                    await Console.Out.WriteLineAsync(check.ToString());
                }

                await Console.Out.WriteLineAsync(failed == 0 ? "All checks passed." : $"{failed} check(s) need attention.");
                return failed == 0 ? ExitCodes.Ok : ExitCodes.Failure;
            }
        });
        return command;
    }
}
