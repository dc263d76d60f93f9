using CorpusBot.Hosting;
using Microsoft.Extensions.Hosting;

using var host = CorpusBotHost.CreateBuilder(args).Build();
await host.StartAsync();
await host.StopAsync();
