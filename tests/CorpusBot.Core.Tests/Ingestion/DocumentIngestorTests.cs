using CorpusBot.Core.Documents;
using CorpusBot.Core.Ingestion;
using CorpusBot.Core.Storage;
using CorpusBot.Core.Tests.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace CorpusBot.Core.Tests.Ingestion;

public class DocumentIngestorTests
{
    private const string Original = "Doctors in Gomel treated soldiers. The hospital was guarded.";
    private const string Changed = "Doctors in Mazyr treated soldiers. The hospital was closed. Nobody spoke.";

    [Fact]
    public async Task IngestAsync_NewDocument_StoresChunksVectorsFtsAndAudit()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        var outcome = await corpus.AddAsync("doc", Original, "A title");
        Assert.Equal(IngestStatus.Added, outcome.Status);
        Assert.Equal(outcome.Chunks, await corpus.ScalarAsync("SELECT count(*) FROM chunks WHERE document_id = 'doc'"));
        Assert.Equal(outcome.Chunks, await corpus.ScalarAsync("SELECT count(*) FROM embeddings"));
        Assert.Equal(1, await corpus.ScalarAsync("SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH 'gomel'"));
        Assert.Equal(1, await corpus.ScalarAsync("SELECT count(*) FROM audit_log WHERE action = 'add' AND actor = 'tester'"));
        var stored = await corpus.Get<DocumentStore>().GetAsync("doc", CancellationToken.None);
        Assert.Equal(Original, stored!.Text);
        Assert.Equal("A title", stored.Title);
    }

    [Fact]
    public async Task IngestAsync_SameContentTwice_Unchanged()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        await corpus.AddAsync("doc", Original);
        var second = await corpus.AddAsync("doc", Original);
        Assert.Equal(IngestStatus.Unchanged, second.Status);
        Assert.Equal(1, await corpus.ScalarAsync("SELECT count(*) FROM audit_log"));
    }

    [Fact]
    public async Task IngestAsync_SameContentConcurrently_StoresOnce()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => corpus.AddAsync("doc", Original))));
        Assert.Single(outcomes, o => o.Status == IngestStatus.Added);
        Assert.Equal(3, outcomes.Count(o => o.Status == IngestStatus.Unchanged));
        Assert.Equal(1, await corpus.ScalarAsync("SELECT count(*) FROM documents"));
    }

    [Fact]
    public async Task IngestAsync_ChangedContent_ReplacesOldVersionEverywhere()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        await corpus.AddAsync("doc", Original);
        var outcome = await corpus.AddAsync("doc", Changed);
        Assert.Equal(IngestStatus.Updated, outcome.Status);
        Assert.Equal(0, await corpus.ScalarAsync("SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH 'gomel'"));
        Assert.Equal(1, await corpus.ScalarAsync("SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH 'mazyr'"));
        Assert.Equal(await corpus.ScalarAsync("SELECT count(*) FROM chunks"), await corpus.ScalarAsync("SELECT count(*) FROM embeddings"));
    }

    [Fact]
    public async Task IngestAsync_FailureInsideTransaction_LeavesOldVersion()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        await corpus.AddAsync("doc", Original);
        var before = await corpus.ScalarAsync("SELECT count(*) FROM chunks");
        // A real failure half-way through the write: the embeddings insert aborts after chunks went in.
        await corpus.ExecuteAsync("CREATE TRIGGER fail_embeddings BEFORE INSERT ON embeddings BEGIN SELECT RAISE(ABORT, 'injected failure'); END;");

        var outcome = await corpus.AddAsync("doc", Changed);

        Assert.Equal(IngestStatus.Rejected, outcome.Status);
        Assert.Contains("injected failure", outcome.Reason, StringComparison.Ordinal);

        var stored = await corpus.Get<DocumentStore>().GetAsync("doc", CancellationToken.None);
        Assert.Equal(Original, stored!.Text);
        Assert.Equal(before, await corpus.ScalarAsync("SELECT count(*) FROM chunks"));
        Assert.Equal(1, await corpus.ScalarAsync("SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH 'gomel'"));
        Assert.Equal(0, await corpus.ScalarAsync("SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH 'mazyr'"));
        Assert.Equal(1, await corpus.ScalarAsync("SELECT count(*) FROM audit_log"));
    }

    [Fact]
    public async Task IngestAsync_EmbedderOutage_WritesNothing()
    {
        var embedder = new FailingEmbeddingGenerator();
        await using var corpus = await TestCorpus.CreateAsync(configure: s => s.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(embedder));
        await corpus.AddAsync("doc", Original);
        embedder.Fail = true;

        await Assert.ThrowsAsync<HttpRequestException>(() => corpus.AddAsync("doc", Changed));
        await Assert.ThrowsAsync<HttpRequestException>(() => corpus.AddAsync("new", Changed));

        Assert.Equal(1, await corpus.ScalarAsync("SELECT count(*) FROM documents"));
        Assert.Equal(Original, (await corpus.Get<DocumentStore>().GetAsync("doc", CancellationToken.None))!.Text);
    }

    [Theory]
    [InlineData("", "text", "no id")]
    [InlineData("doc", "   ", "no text")]
    public async Task IngestAsync_MissingIdOrText_RejectedWithReason(string id, string text, string reason)
    {
        await using var corpus = await TestCorpus.CreateAsync();
        var outcome = await corpus.Get<DocumentIngestor>().IngestAsync(new SourceDocument(id, "t", text), "origin.txt", "tester", CancellationToken.None);
        Assert.Equal(IngestStatus.Rejected, outcome.Status);
        Assert.Contains(reason, outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(0, await corpus.ScalarAsync("SELECT count(*) FROM documents"));
    }

    [Fact]
    public async Task RemoveAsync_Existing_DeletesEverythingAndAudits()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        await corpus.AddAsync("doc", Original);
        Assert.True(await corpus.Get<CorpusRemover>().RemoveAsync("doc", "maintainer", CancellationToken.None));
        Assert.False(await corpus.Get<CorpusRemover>().RemoveAsync("doc", "maintainer", CancellationToken.None));
        Assert.Equal(0, await corpus.ScalarAsync("SELECT count(*) FROM chunks"));
        Assert.Equal(0, await corpus.ScalarAsync("SELECT count(*) FROM embeddings"));
        Assert.Equal(0, await corpus.ScalarAsync("SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH 'gomel'"));
        Assert.Equal(1, await corpus.ScalarAsync("SELECT count(*) FROM audit_log WHERE action = 'remove' AND actor = 'maintainer'"));
    }

    [Fact]
    public async Task CommitAsync_OneFailingDocumentInBatch_OthersStoredFailingOneKeepsOldVersion()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        await corpus.AddAsync("doc", Original);
        // Any write of the document 'doc' fails inside the transaction; other documents are fine.
        await corpus.ExecuteAsync("CREATE TRIGGER fail_doc BEFORE INSERT ON documents WHEN new.id = 'doc' BEGIN SELECT RAISE(ABORT, 'injected failure'); END;");
        var ingestor = corpus.Get<DocumentIngestor>();
        var prepared = await PrepareAsync(ingestor, ("first", "Clinics in Rechytsa were full."), ("doc", Changed), ("last", "Trains came from Naroulia."));

        var outcomes = await ingestor.CommitAsync(prepared, "tester", CancellationToken.None);

        Assert.Equal([IngestStatus.Added, IngestStatus.Rejected, IngestStatus.Added], outcomes.Select(o => o.Status));
        Assert.Equal(Original, (await corpus.Get<DocumentStore>().GetAsync("doc", CancellationToken.None))!.Text);
        Assert.Equal(1, await corpus.ScalarAsync("SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH 'gomel'"));
        Assert.Equal(0, await corpus.ScalarAsync("SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH 'mazyr'"));
        Assert.Equal(1, await corpus.ScalarAsync("SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH 'naroulia'"));
        Assert.Equal(await corpus.ScalarAsync("SELECT count(*) FROM chunks"), await corpus.ScalarAsync("SELECT count(*) FROM embeddings"));
        Assert.Equal(3, await corpus.ScalarAsync("SELECT count(*) FROM audit_log"));
    }

    [Fact]
    public async Task CommitAsync_DocumentReplacedLaterInTheSameBatch_OnlyItsLastVersionIsSearchable()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        var ingestor = corpus.Get<DocumentIngestor>();
        // The full-text rows of a batch are written after all its documents: the first version's must not be among them.
        var prepared = await PrepareAsync(ingestor, ("doc", Original), ("other", "Trains came from Naroulia."), ("doc", Changed));

        var outcomes = await ingestor.CommitAsync(prepared, "tester", CancellationToken.None);

        Assert.Equal([IngestStatus.Added, IngestStatus.Added, IngestStatus.Updated], outcomes.Select(o => o.Status));
        Assert.Equal(0, await corpus.ScalarAsync("SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH 'gomel'"));
        Assert.Equal(1, await corpus.ScalarAsync("SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH 'mazyr'"));
        Assert.Equal(1, await corpus.ScalarAsync("SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH 'naroulia'"));
        Assert.Equal(await corpus.ScalarAsync("SELECT count(*) FROM chunks"), await corpus.ScalarAsync("SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH 'soldiers OR naroulia OR nobody OR hospital'"));
    }

    [Fact]
    public async Task CommitAsync_VectorsOfOneDocumentFail_TheDocumentsAfterItStillGetTheirVectors()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        await corpus.AddAsync("doc", Original);
        // The batch's vector upsert is prepared once and reused: a statement aborted for 'doc' must not break the next document's.
        await corpus.ExecuteAsync("""
            CREATE TRIGGER fail_doc_vectors BEFORE INSERT ON embeddings
            WHEN (SELECT document_id FROM chunks WHERE id = new.chunk_id) = 'doc'
            BEGIN SELECT RAISE(ABORT, 'injected failure'); END;
            """);
        var ingestor = corpus.Get<DocumentIngestor>();
        var prepared = await PrepareAsync(ingestor, ("first", "Clinics in Rechytsa were full."), ("doc", Changed), ("last", "Trains came from Naroulia."));

        var outcomes = await ingestor.CommitAsync(prepared, "tester", CancellationToken.None);

        Assert.Equal([IngestStatus.Added, IngestStatus.Rejected, IngestStatus.Added], outcomes.Select(o => o.Status));
        Assert.Contains("injected failure", outcomes[1].Reason, StringComparison.Ordinal);
        Assert.Equal(Original, (await corpus.Get<DocumentStore>().GetAsync("doc", CancellationToken.None))!.Text);
        Assert.Equal(1, await corpus.ScalarAsync("SELECT count(*) FROM chunks c JOIN embeddings e ON e.chunk_id = c.id WHERE c.document_id = 'last'"));
        Assert.Equal(await corpus.ScalarAsync("SELECT count(*) FROM chunks"), await corpus.ScalarAsync("SELECT count(*) FROM embeddings"));
        Assert.Equal(0, await corpus.ScalarAsync("SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH 'mazyr'"));
        Assert.Equal(1, await corpus.ScalarAsync("SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH 'naroulia'"));
        Assert.Equal(3, await corpus.ScalarAsync("SELECT count(*) FROM audit_log"));
    }

    private static async Task<List<PreparedDocument>> PrepareAsync(DocumentIngestor ingestor, params (string Id, string Text)[] documents)
    {
        var prepared = new List<PreparedDocument>();
        foreach (var (id, text) in documents)
        {
            prepared.Add((await ingestor.PrepareAsync(new SourceDocument(id, id, text), id, CancellationToken.None)).Document!);
        }

        return prepared;
    }
}
