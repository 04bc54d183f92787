namespace Fashionistas.Web.Api.Contracts;

/// <summary>Which tickets of the order to refund (default: every valid one) and why.</summary>
public sealed record RefundRequest(IReadOnlyList<Guid>? TicketIds, string? Reason);
