using System.Globalization;
using Microsoft.Extensions.Options;

namespace CorpusBot.Core.Answering;

/// <summary>Checks a question before any retrieval or model call, and returns it cleaned.</summary>
public sealed class QuestionValidator(IOptions<AnsweringOptions> options)
{
    /// <exception cref="InvalidQuestionException">The message names what is wrong.</exception>
    public string Validate(string? question)
    {
        var text = (question ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            throw new InvalidQuestionException("The question is empty. Ask something about the documents, e.g. \"Who ordered Belarusian doctors to treat wounded Russian soldiers?\"");
        }

        var max = options.Value.MaxQuestionChars;
        if (text.Length > max)
        {
            throw new InvalidQuestionException($"The question is {text.Length} characters long; the limit is {max} (Answering:MaxQuestionChars). Please ask something shorter.");
        }

        var control = text.FirstOrDefault(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));
        if (control != default)
        {
            throw new InvalidQuestionException($"The question contains a control character (U+{(int)control:X4}). Please send plain text.");
        }

        if (!text.Any(char.IsLetterOrDigit))
        {
            throw new InvalidQuestionException("The question has no words in it. Ask something about the documents.");
        }

        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Normalize(System.Text.NormalizationForm.FormC)
            .ToString(CultureInfo.InvariantCulture);
    }
}
