using Fashionistas.Grains.Domain;
using Fashionistas.Web.Errors;

namespace Fashionistas.Web.Api.Contracts;

/// <summary>Several tickets named in one go (all or none); one updated-ticket e-mail tells the owner.</summary>
public sealed record AttendeesRequest(IReadOnlyList<TicketAttendee>? Attendees) : IValidatable
{
    public const int MaxTickets = 100;

    public Validation Validate() => new Validation()
        .Require(Attendees is { Count: > 0 and <= MaxTickets }, "attendees", $"attendees names 1 to {MaxTickets} tickets.")
        .Require(Attendees is null || Attendees.All(a => a is not null && !string.IsNullOrWhiteSpace(a.Code)), "attendees", "Each attendee needs the code of their ticket.")
        .Require(
            Attendees is null || Attendees.All(a => a is null || (!string.IsNullOrWhiteSpace(a.Name) && a.Name.Length <= AttendeeRules.MaxNameLength)),
            "attendees", $"Each attendee needs a name of at most {AttendeeRules.MaxNameLength} characters.")
        .Require(
            Attendees is null || Attendees.All(a => a is null || a.Document is null || a.Document.Length <= AttendeeRules.MaxDocumentLength + 10),
            "attendees", $"A document number is at most {AttendeeRules.MaxDocumentLength} letters and digits.");
}
