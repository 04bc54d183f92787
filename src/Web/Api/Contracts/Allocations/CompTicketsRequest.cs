using Fashionistas.Silo.Allocations;
using Fashionistas.Web.Errors;

namespace Fashionistas.Web.Api.Contracts.Allocations;

/// <summary>The people to issue comp tickets to, one ticket each, all or none.</summary>
public sealed record CompTicketsRequest(IReadOnlyList<CompGuestRequest>? Guests) : IValidatable
{
    public const int MaxGuests = 100;

    public Validation Validate()
    {
        var validation = new Validation()
            .Require(Guests is { Count: >= 1 and <= MaxGuests }, "guests", $"guests must list 1 to {MaxGuests} people.");
        for (var i = 0; Guests is not null && i < Guests.Count; i++)
        {
            var guest = Guests[i];
            validation
                .Text(guest?.Name, $"guests[{i}].name", RegisterRequest.MaxNameLength)
                .Text(guest?.Email, $"guests[{i}].email", RegisterRequest.MaxEmailLength)
                .Require(guest?.Email is null || RegisterRequest.IsEmail(guest.Email), $"guests[{i}].email", "email is not a valid address.");
        }

        return validation.Require(
            Guests is null || Guests.Where(g => g?.Email is not null).Select(g => g.Email!.Trim().ToUpperInvariant()).Distinct().Count() == Guests.Count,
            "guests", "Each guest needs their own e-mail.");
    }

    public IReadOnlyList<CompGuest> ToGuests() => [.. Guests!.Select(g => new CompGuest(g.Name!.Trim(), g.Email!.Trim()))];
}
