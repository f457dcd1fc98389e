using System.Buffers.Binary;

namespace Briefingbot.EndToEnd.Tests.Playground;

/// <summary>Width and height from a PNG's IHDR chunk (enough to check a screenshot or an icon).</summary>
public static class PngImage
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static (int Width, int Height, byte ColorType) ReadHeader(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 33 || !bytes.AsSpan(0, 8).SequenceEqual(Signature) || !bytes.AsSpan(12, 4).SequenceEqual("IHDR"u8))
        {
            throw new InvalidDataException($"{path} is not a PNG file.");
        }
        return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)), bytes[25]);
    }
}
