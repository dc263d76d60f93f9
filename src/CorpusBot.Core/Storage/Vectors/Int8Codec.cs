using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CorpusBot.Core.Storage.Vectors;

/// <summary>Symmetric int8 quantisation with one scale per vector, and an exact integer dot product.</summary>
internal static class Int8Codec
{
    /// <summary>Writes codes in [-127, 127] and returns the scale: value ≈ code × scale.</summary>
    public static float Quantize(ReadOnlySpan<float> vector, Span<sbyte> codes)
    {
        var max = vector.IsEmpty ? 0f : TensorPrimitives.MaxMagnitude(vector);
        if (max == 0f || !float.IsFinite(max))
        {
            codes.Clear();
            return 0f;
        }

        var inverse = 127f / Math.Abs(max);
        for (var i = 0; i < vector.Length; i++)
        {
            codes[i] = (sbyte)MathF.Round(vector[i] * inverse);
        }

        return Math.Abs(max) / 127f;
    }

    public static int Dot(ReadOnlySpan<sbyte> x, ReadOnlySpan<sbyte> y)
    {
        var sum = 0;
        var i = 0;
        if (Avx2.IsSupported && x.Length >= Vector256<sbyte>.Count)
        {
            ref var xs = ref MemoryMarshal.GetReference(x);
            ref var ys = ref MemoryMarshal.GetReference(y);
            var acc = Vector256<int>.Zero;
            for (; i <= x.Length - Vector256<sbyte>.Count; i += Vector256<sbyte>.Count)
            {
                var (xLow, xHigh) = Vector256.Widen(Vector256.LoadUnsafe(ref xs, (nuint)i));
                var (yLow, yHigh) = Vector256.Widen(Vector256.LoadUnsafe(ref ys, (nuint)i));
                acc += Avx2.MultiplyAddAdjacent(xLow, yLow) + Avx2.MultiplyAddAdjacent(xHigh, yHigh);
            }

            sum = Vector256.Sum(acc);
        }

        for (; i < x.Length; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }
}
