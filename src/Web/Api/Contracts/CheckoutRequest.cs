using Fashionistas.Web.Errors;

namespace Fashionistas.Web.Api.Contracts;

/// <summary>Optional body of a checkout: the attendees of the tickets it issues (per tier, in order).</summary>
public sealed record CheckoutRequest(IReadOnlyList<CheckoutAttendee>? Attendees) : IValidatable
{
    public const int MaxAttendees = 1000;

    public Validation Validate() => new Validation()
        .Require(Attendees is null || Attendees.Count <= MaxAttendees, "attendees", $"attendees may name at most {MaxAttendees} tickets.")
        .Require(Attendees is null || Attendees.All(a => a is { TicketTypeId: { } id } && id != Guid.Empty), "attendees", "Each attendee needs the ticketTypeId of their ticket.");
}
