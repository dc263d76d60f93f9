using System.Text.Json;
using System.Text.Json.Serialization;

namespace CorpusBot.Core.Answering;

/// <summary>Writes and reads an enum as its snake_case code: <c>RefusalReason.NoEvidence</c> ⇄ <c>"no_evidence"</c>.</summary>
public sealed class SnakeCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;
