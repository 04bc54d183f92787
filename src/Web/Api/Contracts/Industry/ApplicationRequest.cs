using Fashionistas.Web.Errors;

namespace Fashionistas.Web.Api.Contracts.Industry;

/// <summary>A designer applies one of their collections to an event's show, with an optional note to the organizer.</summary>
public sealed record ApplicationRequest(Guid? EventId, string? Note) : IValidatable
{
    public Validation Validate() => new Validation()
        .Require(EventId is not null && EventId != Guid.Empty, "eventId", "eventId is required.")
        .Text(Note, "note", FieldRules.MaxNote, required: false);
}
