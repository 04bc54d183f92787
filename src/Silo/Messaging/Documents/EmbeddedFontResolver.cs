using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Fashionistas.Silo.Messaging.Documents;

/// <summary>
/// PDFsharp 6 finds no system fonts on Linux: every face we draw with is DejaVu Sans (regular and bold), shipped inside
/// this assembly (Bitstream Vera licence, see Fonts/LICENSE-DejaVu.txt), so tickets render the same on any machine.
/// </summary>
internal sealed class EmbeddedFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly EmbeddedFontResolver Instance = new();
    private static readonly Lock InstallLock = new();
    private readonly ConcurrentDictionary<string, byte[]> faces = new(StringComparer.Ordinal);

    /// <summary>Installs the resolver for the process; PDFsharp accepts the same instance again, never another one.</summary>
    public static void Install()
    {
        lock (InstallLock)
        {
            if (!ReferenceEquals(GlobalFontSettings.FontResolver, Instance))
            {
                GlobalFontSettings.FontResolver = Instance;
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular);

    public byte[]? GetFont(string faceName) => faces.GetOrAdd(faceName, static name =>
    {
        var resource = $"{typeof(EmbeddedFontResolver).Namespace}.Fonts.{name}.ttf";
        using var stream = typeof(EmbeddedFontResolver).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The font {resource} is not embedded.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    });
}
