namespace Fashionistas.Web.Api.Contracts;

/// <summary>A hold across tiers: check it out with POST /api/holds/{groupId}/checkout before expiresAt.</summary>
public sealed record GroupHoldResponse(Guid GroupId, Guid EventId, long Total, DateTimeOffset ExpiresAt, IReadOnlyList<HoldResponse> Holds);
