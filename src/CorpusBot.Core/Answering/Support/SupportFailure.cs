namespace CorpusBot.Core.Answering.Support;

/// <summary>Why a sentence is not held by its quotes (the first rule it broke), or <see cref="None"/>.</summary>
public enum SupportFailure
{
    None,

    /// <summary>It cites no verified quote.</summary>
    NoQuotes,

    /// <summary>A number or amount that is neither in its quotes nor in the question.</summary>
    Number,

    /// <summary>A month that is neither in its quotes nor in the question.</summary>
    Date,

    /// <summary>A proper name that is neither in its quotes nor in the question.</summary>
    Name,

    /// <summary>A link, e-mail address, phone number or @handle that is not in its quotes.</summary>
    Contact,

    /// <summary>It tells the reader to do something, and its quotes do not say so word for word.</summary>
    Instruction,

    /// <summary>Too few of its content words are in its quotes (or it has none).</summary>
    ContentWords,
}
