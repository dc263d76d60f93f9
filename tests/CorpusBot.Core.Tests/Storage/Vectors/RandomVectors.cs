namespace CorpusBot.Core.Tests.Storage.Vectors;

internal static class RandomVectors
{
    public static float[] Next(Random random, int dimensions)
    {
        var vector = new float[dimensions];
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = (random.NextSingle() * 2f) - 1f;
        }

        return vector;
    }

    /// <summary>
    /// Unit vectors around <paramref name="centers"/> random unit centres: each is its centre plus Gaussian noise of
    /// <paramref name="spread"/> in total length, as text embeddings gather by topic.
    /// </summary>
    public static List<float[]> Clustered(Random random, int count, int centers, int dimensions, float spread)
    {
        var middles = Enumerable.Range(0, centers).Select(_ => Unit(random, dimensions)).ToList();
        return [.. Enumerable.Range(0, count).Select(_ => Near(random, middles[random.Next(centers)], spread))];
    }

    public static float[] Near(Random random, float[] center, float spread)
    {
        var vector = new float[center.Length];
        var scale = spread / MathF.Sqrt(center.Length);
        for (var i = 0; i < vector.Length; i++)
        {
            // Box–Muller: a standard normal from two uniforms.
            var gaussian = MathF.Sqrt(-2f * MathF.Log(1f - random.NextSingle())) * MathF.Cos(2f * MathF.PI * random.NextSingle());
            vector[i] = center[i] + (scale * gaussian);
        }

        CorpusBot.Core.Storage.Vectors.VectorBlob.Normalize(vector);
        return vector;
    }

    public static float[] Unit(Random random, int dimensions)
    {
        var vector = Next(random, dimensions);
        CorpusBot.Core.Storage.Vectors.VectorBlob.Normalize(vector);
        return vector;
    }
}
