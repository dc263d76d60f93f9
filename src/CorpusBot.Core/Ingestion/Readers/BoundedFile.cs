using System.Globalization;

namespace CorpusBot.Core.Ingestion.Readers;

/// <summary>Reads a whole file only if it is within the size limit; the size is checked before the first byte is read.</summary>
internal static class BoundedFile
{
    private const int ChunkBytes = 81_920;

    /// <summary>The bytes, or a problem that reads after the file name ("x.txt is empty").</summary>
    public static async Task<(byte[]? Bytes, string? Problem)> ReadAsync(string path, int maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            var length = new FileInfo(path).Length;
            if (TooLarge(length, maxBytes) is { } tooLarge)
            {
                return (null, tooLarge);
            }

            await using var stream = new FileStream(
                path, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkBytes, FileOptions.Asynchronous | FileOptions.SequentialScan);
            using var content = new MemoryStream((int)length);
            var chunk = new byte[ChunkBytes];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                content.Write(chunk, 0, read);
                if (content.Length > maxBytes)
                {
                    return (null, TooLarge(content.Length, maxBytes));
                }
            }

            return content.Length == 0 ? (null, "is empty") : (content.ToArray(), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, $"could not be read: {ex.Message}");
        }
    }

    /// <summary>"is N bytes, over the limit …" when length exceeds the limit, else null.</summary>
    public static string? TooLarge(long length, int maxBytes) =>
        length > maxBytes
            ? string.Create(CultureInfo.InvariantCulture, $"is {length:N0} bytes, over the limit of {maxBytes:N0} bytes (Corpus:MaxFileBytes)")
            : null;
}
