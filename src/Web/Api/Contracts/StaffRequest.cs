using Fashionistas.Web.Errors;

namespace Fashionistas.Web.Api.Contracts;

/// <summary>Who joins an event's door staff: a registered account, by e-mail.</summary>
public sealed record StaffRequest(string? Email) : IValidatable
{
    public Validation Validate() => new Validation().Text(Email, "email", RegisterRequest.MaxEmailLength);
}
