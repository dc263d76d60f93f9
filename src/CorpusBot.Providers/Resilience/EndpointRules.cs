namespace CorpusBot.Providers.Resilience;

/// <summary>Checks an endpoint setting and says which key to fix.</summary>
internal static class EndpointRules
{
    public static void Check(string? endpoint, string section, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            failures.Add($"{section}:Endpoint is required when {section}:Provider is OpenAI (e.g. https://api.openai.com/v1, or http://localhost:11434/v1 for Ollama). Set CORPUSBOT_{section}__Endpoint.");
        }
        else if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            failures.Add($"{section}:Endpoint must be an absolute http(s) URL such as http://localhost:11434/v1.");
        }
        else if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Query))
        {
            failures.Add($"{section}:Endpoint must not carry credentials or a query string; put the key in {section}:ApiKey.");
        }
    }

    /// <summary>The host (and port) of an endpoint: safe to show in messages and logs, unlike the full URL or the key.</summary>
    public static string HostOf(string? endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? uri.Authority : "(invalid endpoint)";
}
