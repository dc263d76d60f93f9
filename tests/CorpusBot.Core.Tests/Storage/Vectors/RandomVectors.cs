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

    public static float[] Unit(Random random, int dimensions)
    {
        var vector = Next(random, dimensions);
        CorpusBot.Core.Storage.Vectors.VectorBlob.Normalize(vector);
        return vector;
    }
}
