using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Fashionistas.Tests.Tickets;

/// <summary>
/// Just enough of a PNG decoder to check what QRCoder drew: 1-bit greyscale or palette images with
/// unfiltered scanlines. Tells whether each pixel is dark.
/// </summary>
public sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private PngImage(int width, int height, bool[,] dark)
    {
        Width = width;
        Height = height;
        this.dark = dark;
    }

    private readonly bool[,] dark;

    public int Width { get; }

    public int Height { get; }

    public static bool HasSignature(byte[] png) => png.AsSpan().StartsWith(Signature);

    public bool IsDark(int x, int y) => dark[y, x];

    public static PngImage Decode(byte[] png)
    {
        if (!HasSignature(png))
        {
            throw new InvalidDataException("Not a PNG.");
        }

        int width = 0, height = 0, bitDepth = 0, colorType = 0;
        byte[][] palette = [];
        using var compressed = new MemoryStream();
        for (var offset = Signature.Length; offset < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    bitDepth = data[8];
                    colorType = data[9];
                    break;
                case "PLTE":
                    palette = data.ToArray().Chunk(3).ToArray();
                    break;
                case "IDAT":
                    compressed.Write(data);
                    break;
            }

            offset += 12 + length;
        }

        const int Greyscale = 0;
        const int Indexed = 3;
        if (bitDepth != 1 || colorType is not (Greyscale or Indexed) || (colorType == Indexed && palette.Length < 2))
        {
            throw new InvalidDataException($"Unsupported PNG: depth {bitDepth}, colour type {colorType}.");
        }

        compressed.Position = 0;
        using var inflater = new ZLibStream(compressed, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflater.CopyTo(raw);
        var pixels = raw.ToArray();
        var stride = (width + 7) / 8;
        // Greyscale: 0 is black. Indexed: whichever palette entry is darker.
        var darkIndex = colorType == Greyscale || palette[0].Sum(channel => channel) < palette[1].Sum(channel => channel) ? 0 : 1;
        var dark = new bool[height, width];
        for (var y = 0; y < height; y++)
        {
            var row = y * (stride + 1);
            if (pixels[row] != 0)
            {
                throw new InvalidDataException("Only unfiltered scanlines are supported.");
            }

            for (var x = 0; x < width; x++)
            {
                var index = (pixels[row + 1 + (x / 8)] >> (7 - (x % 8))) & 1;
                dark[y, x] = index == darkIndex;
            }
        }

        return new PngImage(width, height, dark);
    }
}
