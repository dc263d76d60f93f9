using CorpusBot.Cli;

return await CorpusBotCli.RunAsync(args);
