using System.ComponentModel.DataAnnotations;

namespace CorpusBot.Providers.Chat;

/// <summary>Which chat model writes answers, and how long it may take. Section "Chat".</summary>
public sealed class ChatOptions
{
    public const string SectionName = "Chat";
    public const string NoneProvider = "None";
    public const string OpenAIProvider = "OpenAI";

    /// <summary>None (the extractive answerer) or OpenAI (any OpenAI-compatible chat endpoint).</summary>
    [RegularExpression("^(None|OpenAI)$", ErrorMessage = "Chat:Provider must be None or OpenAI.")]
    public string Provider { get; set; } = NoneProvider;

    /// <summary>Base URL of the API, e.g. https://api.openai.com/v1 or http://localhost:11434/v1 (Ollama).</summary>
    public string? Endpoint { get; set; }

    /// <summary>Model name as the endpoint knows it, e.g. gpt-4o-mini or llama3.1:8b.</summary>
    public string? Model { get; set; }

    /// <summary>Secret. Empty for endpoints without keys (Ollama, vLLM, LM Studio). Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Per-attempt timeout: how long one model call may take.</summary>
    [Range(1, 600, ErrorMessage = "Chat:TimeoutSeconds must be between 1 and 600.")]
    public int TimeoutSeconds { get; set; } = 90;

    /// <summary>Budget for all attempts of one question, retries and waits included.</summary>
    [Range(1, 1800, ErrorMessage = "Chat:TotalTimeoutSeconds must be between 1 and 1800.")]
    public int TotalTimeoutSeconds { get; set; } = 240;

    /// <summary>Calls per question at most, the first included. This is the only retry layer.</summary>
    [Range(1, 10, ErrorMessage = "Chat:MaxAttempts must be between 1 and 10.")]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>First back-off delay; doubles per retry (with jitter). A Retry-After header wins.</summary>
    [Range(0.0, 60.0, ErrorMessage = "Chat:RetryDelaySeconds must be between 0 and 60.")]
    public double RetryDelaySeconds { get; set; } = 2;

    /// <summary>Failed calls within the sampling window before the circuit opens and calls stop for <see cref="BreakSeconds"/>.</summary>
    [Range(2, 1000, ErrorMessage = "Chat:BreakerMinimumThroughput must be between 2 and 1000.")]
    public int BreakerMinimumThroughput { get; set; } = 6;

    [Range(1, 3600, ErrorMessage = "Chat:BreakSeconds must be between 1 and 3600.")]
    public int BreakSeconds { get; set; } = 30;

    /// <summary>json_schema (structured output), json_object (JSON mode) or text, for endpoints that support neither.</summary>
    [RegularExpression("^(json_schema|json_object|text)$", ErrorMessage = "Chat:ResponseFormat must be json_schema, json_object or text.")]
    public string ResponseFormat { get; set; } = "json_schema";

    [Range(64, 32_000, ErrorMessage = "Chat:MaxTokens must be between 64 and 32000.")]
    public int MaxTokens { get; set; } = 1024;

    [Range(0.0, 2.0, ErrorMessage = "Chat:Temperature must be between 0 and 2.")]
    public double Temperature { get; set; }

    /// <summary>Folder of the prompt templates; relative paths are resolved against the repository root.</summary>
    [Required(ErrorMessage = "Chat:PromptsPath is required (the folder holding answer.system.txt, answer.user.txt, answer.schema.json).")]
    public string PromptsPath { get; set; } = "prompts";

    public bool IsEnabled => string.Equals(Provider, OpenAIProvider, StringComparison.Ordinal);
}
