namespace CorpusBot.Core.Ingestion.Readers;

/// <summary>The file formats the readers understand, chosen by file extension.</summary>
internal enum DocumentFormat
{
    PlainText,
    Markdown,
    Html,
    Jsonl,
    Pdf,
    Docx,
}
