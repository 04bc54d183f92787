namespace Fashionistas.Web.Api.Contracts;

/// <summary>Details of an event to create or edit; capacity is the venue's.</summary>
public sealed record EventRequest(string? Name, string? Venue, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, int? Capacity, string? Description);
