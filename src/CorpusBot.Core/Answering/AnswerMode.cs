using System.Text.Json.Serialization;

namespace CorpusBot.Core.Answering;

/// <summary>Who wrote the answer text. JSON and the answer log say <c>extractive</c> or <c>llm</c>.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<AnswerMode>))]
public enum AnswerMode
{
    /// <summary>Verbatim quotes only, chosen by the built-in answerer (or a model's verified quotes shown alone).</summary>
    Extractive,

    /// <summary>Sentences written by a language model, each held by the verified quotes it cites.</summary>
    Llm,
}
