using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace CorpusBot.Core.Embeddings.Builtin;

/// <summary>
/// Reads manifest resources out of a .NET assembly file as data, with System.Reflection.Metadata: the assembly
/// is never loaded, so none of its code can run and none of its dependencies are needed.
/// </summary>
internal static class ManifestResourceFile
{
    /// <summary>The bytes of each named resource embedded in <paramref name="assemblyPath"/>.</summary>
    /// <exception cref="CorpusBotException">The file is missing, not an assembly, or lacks one of the resources.</exception>
    public static IReadOnlyDictionary<string, byte[]> Read(string assemblyPath, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        try
        {
            using var stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            var metadata = pe.GetMetadataReader();
            var directory = pe.PEHeaders.CorHeader?.ResourcesDirectory
                ?? throw new BadImageFormatException("not a .NET assembly");
            var resources = pe.GetSectionData(directory.RelativeVirtualAddress);
            var found = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var handle in metadata.ManifestResources)
            {
                var resource = metadata.GetManifestResource(handle);
                var name = metadata.GetString(resource.Name);
                if (!resource.Implementation.IsNil || !names.Contains(name, StringComparer.Ordinal))
                {
                    continue; // linked from another file, or not one we want
                }

                // An embedded resource is a 4-byte little-endian length, then the bytes, at its offset in the resources directory.
                var reader = resources.GetReader((int)resource.Offset, directory.Size - (int)resource.Offset);
                found[name] = reader.ReadBytes(reader.ReadInt32());
            }

            var missing = names.Where(n => !found.ContainsKey(n)).ToList();
            return missing.Count == 0
                ? found
                : throw new CorpusBotException($"{assemblyPath} does not hold the resource {string.Join(", ", missing)}.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException or InvalidOperationException)
        {
            throw new CorpusBotException($"Cannot read {assemblyPath}: {e.Message}", e);
        }
    }
}
