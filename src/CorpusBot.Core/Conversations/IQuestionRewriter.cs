namespace CorpusBot.Core.Conversations;

/// <summary>Turns a follow-up into a question that stands alone, given the question it follows.</summary>
public interface IQuestionRewriter
{
    Task<string> RewriteAsync(string previous, string followUp, CancellationToken cancellationToken);
}
