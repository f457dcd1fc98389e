using System.Buffers.Binary;
using System.IO.Compression;

namespace Briefingbot.EndToEnd.Tests.Deploy;

/// <summary>Decodes an 8-bit RGBA, non-interlaced PNG into pixels (enough to check the Teams icons' colours).</summary>
public static class PngPixels
{
    public static (int Width, int Height, byte[][] Rows) DecodeRgba(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var width = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16));
        var height = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20));
        if (bytes[24] != 8 || bytes[25] != 6 || bytes[28] != 0)
        {
            throw new InvalidDataException($"{path}: expected 8-bit RGBA, non-interlaced.");
        }
        using var idat = new MemoryStream();
        for (var offset = 8; offset < bytes.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset));
            var kind = System.Text.Encoding.ASCII.GetString(bytes, offset + 4, 4);
            if (kind == "IDAT")
            {
                idat.Write(bytes, offset + 8, length);
            }
            offset += 12 + length;
        }
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }
        var raw = inflated.ToArray();
        var stride = width * 4;
        var rows = new byte[height][];
        var previous = new byte[stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var row = raw.AsSpan(y * (stride + 1) + 1, stride).ToArray();
            for (var i = 0; i < stride; i++)
            {
                int left = i >= 4 ? row[i - 4] : 0, up = previous[i], upLeft = i >= 4 ? previous[i - 4] : 0;
                row[i] = (byte)(row[i] + filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"{path}: unknown filter {filter}."),
                });
            }
            rows[y] = row;
            previous = row;
        }
        return (width, height, rows);
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
