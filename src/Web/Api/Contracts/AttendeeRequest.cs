using Fashionistas.Web.Errors;

namespace Fashionistas.Web.Api.Contracts;

/// <summary>Who uses a ticket: a name and, when the event asks for one, a document number (cédula, passport).</summary>
public sealed record AttendeeRequest(string? Name, string? Document) : IValidatable
{
    public Validation Validate() => new Validation()
        .Text(Name, "name", Grains.Domain.AttendeeRules.MaxNameLength)
        .Text(Document, "document", Grains.Domain.AttendeeRules.MaxDocumentLength + 10, required: false);
}
