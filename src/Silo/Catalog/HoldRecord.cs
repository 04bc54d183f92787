namespace Fashionistas.Silo.Catalog;

/// <summary>A stored hold as its owner sees it.</summary>
public sealed record HoldRecord(Guid Id, Guid TicketTypeId, Guid EventId, Guid BuyerId, int Quantity, long UnitPrice,
    long Total, string Status, DateTimeOffset ExpiresAt)
{
    /// <summary>The hold group it belongs to (a hold across tiers), which is released and checked out as a whole.</summary>
    public Guid? GroupId { get; init; }
}
