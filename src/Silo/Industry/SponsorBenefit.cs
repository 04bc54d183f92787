namespace Fashionistas.Silo.Industry;

/// <summary>One benefit of a sponsorship package; <see cref="DeliveredAt"/> (UTC) is null until the organizer delivers it.</summary>
public sealed record SponsorBenefit(Guid Id, Guid EventId, Guid SponsorId, string Kind, string Description, DateTime? DeliveredAt);
