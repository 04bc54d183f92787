using Fashionistas.Grains.Domain;
using Fashionistas.Silo.Allocations;
using Fashionistas.Web.Errors;

namespace Fashionistas.Web.Api.Contracts.Allocations;

/// <summary>
/// Seats of a tier to set aside for a group; <c>code</c> lets buyers hold from them, <c>unitPrice</c> (COP) is what
/// such holds pay (absent: the tier's pricing), <c>sponsorId</c> links a sponsor allocation to a sponsor of the event.
/// </summary>
public sealed record AllocationRequest(
    Guid? TicketTypeId, string? Kind, string? Name, int? Quantity, Guid? SponsorId, string? Code, long? UnitPrice) : IValidatable
{
    public const int MaxCodeLength = 40;
    private const int MinCodeLength = 4;

    public Validation Validate() => new Validation()
        .Require(TicketTypeId is not null && TicketTypeId != Guid.Empty, "ticketTypeId", "ticketTypeId is required.")
        .Require(Kind is not null && AllocationKinds.All.Contains(Kind), "kind", $"kind must be one of {string.Join(", ", AllocationKinds.All)}.")
        .Text(Name, "name", DefinitionLimits.MaxNameLength)
        .Require(Quantity is >= 1 and <= DefinitionLimits.MaxCapacity, "quantity", $"quantity must be 1 to {DefinitionLimits.MaxCapacity}.")
        .Require(SponsorId is null || Kind == AllocationKinds.Sponsor, "sponsorId", "Only a sponsor allocation names a sponsor.")
        .Require(Code is null || IsCode(Code), "code",
            $"code must be {MinCodeLength} to {MaxCodeLength} letters, digits, '-' or '_'.")
        .Require(UnitPrice is null or >= 0 and <= DefinitionLimits.MaxPrice, "unitPrice", $"unitPrice must be 0 to {DefinitionLimits.MaxPrice} COP.");

    public AllocationFields ToFields() =>
        new(TicketTypeId!.Value, Kind!, Name!.Trim(), Quantity!.Value, SponsorId, Code, UnitPrice);

    /// <summary>The shape of a code a buyer can type (also what the hold route accepts).</summary>
    public static bool IsCode(string code) =>
        code.Length is >= MinCodeLength and <= MaxCodeLength && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
