namespace Fashionistas.LoadTests.Verification;

/// <summary>
/// What a sale on one ticket type must look like in the database afterwards, from what the clients were told.
/// <see cref="ExpectedSeats"/> is null when it cannot be known (e.g. open-loop runs cut off by time).
/// </summary>
public sealed record SaleExpectation(
    Guid TicketTypeId,
    int PerBuyerLimit,
    long Demand,
    int? ExpectedSeats,
    bool CheckedOut,
    IReadOnlyList<Guid> AcknowledgedHolds,
    long AcknowledgedSeats,
    long TicketsIssuedToClients,
    IReadOnlyList<string> TicketCodesSeen);
