using Fashionistas.Web.Errors;

namespace Fashionistas.Web.Api.Contracts;

/// <summary>Which tickets of the order to refund (default: every valid one) and why.</summary>
public sealed record RefundRequest(IReadOnlyList<Guid>? TicketIds, string? Reason) : IValidatable
{
    private const int MaxReasonLength = 1000;
    private const int MaxTickets = 100;

    public Validation Validate() => new Validation()
        .Text(Reason, "reason", MaxReasonLength)
        .Require(TicketIds is null || TicketIds.Count <= MaxTickets, "ticketIds", $"ticketIds may name at most {MaxTickets} tickets.");
}
