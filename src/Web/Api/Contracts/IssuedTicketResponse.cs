namespace Fashionistas.Web.Api.Contracts;

/// <summary>A ticket just issued: its code goes in the QR at qrUrl.</summary>
public sealed record IssuedTicketResponse(Guid TicketId, string Code, string QrUrl);
