namespace Fashionistas.Web.Api.Contracts;

/// <summary>Live seat counters of an event's tiers.</summary>
public sealed record EventAvailabilityResponse(Guid EventId, string Status, IReadOnlyList<AvailabilityResponse> TicketTypes, DateTimeOffset At);
