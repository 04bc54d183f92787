using Fashionistas.Web.Errors;

namespace Fashionistas.Web.Api.Contracts;

/// <summary>
/// Seats of several tiers of one event, held together or not at all. <paramref name="Code"/> is a promo or presale code
/// (accepted; resolved once code resolution exists on the hold path).
/// </summary>
public sealed record GroupHoldRequest(IReadOnlyList<GroupHoldItem>? Items, string? Code) : IValidatable
{
    public const int MaxTiers = 10;
    public const int MaxQuantity = 100;
    private const int MaxCodeLength = 64;

    public Validation Validate()
    {
        var items = Items ?? [];
        return new Validation()
            .Require(items.Count is >= 1 and <= MaxTiers, "items", $"items must name 1 to {MaxTiers} tiers.")
            .Require(items.All(i => i is { TicketTypeId: { } id } && id != Guid.Empty), "items", "Each item needs a ticketTypeId.")
            .Require(items.All(i => i is { Quantity: >= 1 and <= MaxQuantity }), "items", $"Each item's quantity must be 1 to {MaxQuantity}.")
            .Require(items.Where(i => i is not null).Select(i => i.TicketTypeId).Distinct().Count() == items.Count, "items", "Name each tier once.")
            .Text(Code, "code", MaxCodeLength, required: false);
    }
}
