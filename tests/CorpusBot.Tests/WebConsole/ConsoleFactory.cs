using CorpusBot.WebConsole;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace CorpusBot.Tests.WebConsole;

/// <summary>
/// The console's web application on the test server (Microsoft.AspNetCore.Mvc.Testing), built by the
/// same <see cref="ConsoleWebHost"/> code as in production, over a running bot's services.
/// </summary>
public sealed class ConsoleFactory(IServiceProvider app) : WebApplicationFactory<ConsoleWebHost>
{
    protected override IHostBuilder CreateHostBuilder() =>
        new HostBuilder().ConfigureWebHost(web => web
            .UseContentRoot(AppContext.BaseDirectory)
            .ConfigureServices(services => ConsoleWebHost.ConfigureServices(services, app))
            .Configure(ConsoleWebHost.Configure));
}
