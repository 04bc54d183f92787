using Microsoft.Extensions.Options;
using QRCoder;

namespace Fashionistas.Silo.Tickets;

/// <summary>Draws a ticket's QR code as a PNG. Thread-safe; one instance per application.</summary>
public sealed class TicketQrRenderer(IOptions<TicketQrOptions> options)
{
    private const string CodePlaceholder = "{code}";

    /// <summary>The text encoded in the QR for <paramref name="ticketCode"/>: the code, or the configured link.</summary>
    public string ContentFor(string ticketCode)
    {
        if (!TicketCodeGenerator.IsWellFormed(ticketCode))
        {
            throw new ArgumentException("Not a well-formed ticket code.", nameof(ticketCode));
        }

        var template = options.Value.LinkTemplate;
        return string.IsNullOrWhiteSpace(template)
            ? ticketCode
            : template.Replace(CodePlaceholder, ticketCode, StringComparison.Ordinal);
    }

    /// <summary>PNG bytes of the QR for <paramref name="ticketCode"/>, with the standard quiet zone.</summary>
    public byte[] RenderPng(string ticketCode)
    {
        var settings = options.Value;
        using var data = QRCodeGenerator.GenerateQrCode(ContentFor(ticketCode), ToEccLevel(settings.ErrorCorrection));
        using var png = new PngByteQRCode(data);
        return png.GetGraphic(settings.PixelsPerModule, drawQuietZones: true);
    }

    /// <summary>The QR's modules (rows of columns, true = dark, quiet zone included), for drawing it as vectors (PDF).</summary>
    public bool[][] Modules(string ticketCode)
    {
        using var data = QRCodeGenerator.GenerateQrCode(ContentFor(ticketCode), ToEccLevel(options.Value.ErrorCorrection));
        return [.. data.ModuleMatrix.Select(row => Enumerable.Range(0, row.Length).Select(i => row[i]).ToArray())];
    }

    internal static QRCodeGenerator.ECCLevel ToEccLevel(string level) => level.Trim().ToUpperInvariant() switch
    {
        "L" => QRCodeGenerator.ECCLevel.L,
        "M" => QRCodeGenerator.ECCLevel.M,
        "Q" => QRCodeGenerator.ECCLevel.Q,
        "H" => QRCodeGenerator.ECCLevel.H,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Error correction must be L, M, Q or H."),
    };
}
