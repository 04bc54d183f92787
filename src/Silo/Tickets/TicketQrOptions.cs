namespace Fashionistas.Silo.Tickets;

/// <summary>Configuration section <c>Tickets:Qr</c>.</summary>
public sealed class TicketQrOptions
{
    public const string SectionName = "Tickets:Qr";

    /// <summary>
    /// Error correction level L, M, Q or H. Default Q (25% recoverable): tickets are scanned from
    /// cracked phone screens, glare and creased paper, and a 26-character code stays a small symbol.
    /// </summary>
    public string ErrorCorrection { get; set; } = "Q";

    /// <summary>Pixels per QR module; default 10 (a ~330 px image, sharp on phones and printers).</summary>
    public int PixelsPerModule { get; set; } = 10;

    /// <summary>
    /// When set, the QR holds this link with <c>{code}</c> replaced, e.g. <c>https://fashionistas.co/t/{code}</c>,
    /// so a phone camera opens the ticket page. Default empty: the QR holds the bare code, the densest
    /// and most robust choice for the door scanner. <c>TicketCodes.TryParse</c> reads both.
    /// </summary>
    public string? LinkTemplate { get; set; }
}
