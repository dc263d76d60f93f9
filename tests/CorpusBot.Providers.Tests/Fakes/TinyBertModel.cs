namespace CorpusBot.Providers.Tests.Fakes;

/// <summary>
/// A BERT-shaped ONNX model small enough to write by hand: inputs input_ids, attention_mask and
/// token_type_ids (int64 [batch, seq]); last_hidden_state = Gather(word table, input_ids) +
/// Gather(type table, token_type_ids), float [batch, seq, 4]. Row i of the word table is
/// <see cref="Row"/>(i), so tests can compute the expected mean-pooled vector.
/// </summary>
internal static class TinyBertModel
{
    public const int Dimensions = 4;

    public static readonly string[] Vocabulary =
        ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "hello", "world", "rain", "in", "minsk", "query", "passage", ":", ".", "the"];

    public static float[] Row(int id) => [id, 1f, (id * id) % 7, id % 2 == 0 ? 2f : -1f];

    public static int IdOf(string token) => Array.IndexOf(Vocabulary, token);

    /// <summary>Writes model.onnx and vocab.txt into <paramref name="directory"/> and returns their paths.</summary>
    public static (string ModelPath, string VocabPath) Write(string directory)
    {
        Directory.CreateDirectory(directory);
        var modelPath = Path.Combine(directory, "model.onnx");
        var vocabPath = Path.Combine(directory, "vocab.txt");
        File.WriteAllLines(vocabPath, Vocabulary);
        File.WriteAllBytes(modelPath, Model());
        return (modelPath, vocabPath);
    }

    private static byte[] Model()
    {
        const int Float = 1, Int64 = 7;
        var words = Enumerable.Range(0, Vocabulary.Length).SelectMany(Row).ToArray();
        var types = new float[2 * Dimensions];
        var graph = new ProtoWriter()
            .Message(1, Node("Gather", ["word_embeddings", "input_ids"], "words"))
            .Message(1, Node("Gather", ["type_embeddings", "token_type_ids"], "types"))
            .Message(1, Node("Add", ["words", "types"], "last_hidden_state"))
            .Text(2, "tiny-bert")
            .Message(5, Tensor("word_embeddings", [Vocabulary.Length, Dimensions], words))
            .Message(5, Tensor("type_embeddings", [2, Dimensions], types))
            .Message(11, Value("input_ids", Int64, "batch", "sequence"))
            .Message(11, Value("attention_mask", Int64, "batch", "sequence"))
            .Message(11, Value("token_type_ids", Int64, "batch", "sequence"))
            .Message(12, Value("last_hidden_state", Float, "batch", "sequence", Dimensions));
        return new ProtoWriter()
            .Int(1, 8) // ir_version
            .Text(2, "corpusbot-tests")
            .Message(7, graph)
            .Message(8, new ProtoWriter().Text(1, string.Empty).Int(2, 13)) // opset 13
            .ToArray();
    }

    private static ProtoWriter Node(string op, string[] inputs, string output)
    {
        var node = new ProtoWriter();
        foreach (var input in inputs)
        {
            node.Text(1, input);
        }

        return node.Text(2, output).Text(3, output + "_node").Text(4, op);
    }

    private static ProtoWriter Tensor(string name, long[] dims, float[] values)
    {
        var tensor = new ProtoWriter();
        foreach (var dim in dims)
        {
            tensor.Int(1, dim);
        }

        return tensor.Int(2, 1).PackedFloats(4, values).Text(8, name);
    }

    private static ProtoWriter Value(string name, int elementType, params object[] dims)
    {
        var shape = new ProtoWriter();
        foreach (var dim in dims)
        {
            shape.Message(1, dim is string param ? new ProtoWriter().Text(2, param) : new ProtoWriter().Int(1, (int)dim));
        }

        var tensorType = new ProtoWriter().Int(1, elementType).Message(2, shape);
        return new ProtoWriter().Text(1, name).Message(2, new ProtoWriter().Message(1, tensorType));
    }
}
