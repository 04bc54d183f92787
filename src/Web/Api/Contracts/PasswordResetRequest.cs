using Fashionistas.Web.Errors;

namespace Fashionistas.Web.Api.Contracts;

/// <summary>"Send me a reset link": the account's e-mail.</summary>
public sealed record PasswordResetRequest(string? Email) : IValidatable
{
    public Validation Validate() => new Validation().Text(Email, "email", RegisterRequest.MaxEmailLength);
}
