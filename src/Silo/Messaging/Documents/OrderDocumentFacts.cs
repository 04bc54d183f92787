namespace Fashionistas.Silo.Messaging.Documents;

/// <summary>What the order's PDF and calendar entry say about the event and the buyer.</summary>
public sealed record OrderDocumentFacts(
    Guid OrderId, string ShortOrder, Guid EventId, string EventName, string Venue, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string BuyerName, string Language);
