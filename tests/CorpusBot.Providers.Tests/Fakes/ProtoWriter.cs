using Google.Protobuf;

namespace CorpusBot.Providers.Tests.Fakes;

/// <summary>Just enough protobuf writing to build an ONNX ModelProto by field number.</summary>
internal sealed class ProtoWriter
{
    private readonly List<Action<CodedOutputStream>> writes = [];

    public ProtoWriter Int(int field, long value) => Add(output =>
    {
        output.WriteTag(field, WireFormat.WireType.Varint);
        output.WriteInt64(value);
    });

    public ProtoWriter Text(int field, string value) => Add(output =>
    {
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteString(value);
    });

    public ProtoWriter Message(int field, ProtoWriter message) => Add(output =>
    {
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(message.ToArray()));
    });

    public ProtoWriter PackedFloats(int field, IReadOnlyList<float> values) => Add(output =>
    {
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteLength(values.Count * sizeof(float));
        foreach (var value in values)
        {
            output.WriteFloat(value);
        }
    });

    public byte[] ToArray()
    {
        using var stream = new MemoryStream();
        using (var output = new CodedOutputStream(stream, leaveOpen: true))
        {
            foreach (var write in writes)
            {
                write(output);
            }
        }

        return stream.ToArray();
    }

    private ProtoWriter Add(Action<CodedOutputStream> write)
    {
        writes.Add(write);
        return this;
    }
}
