using Fashionistas.Web.Errors;

namespace Fashionistas.Web.Api.Contracts;

/// <summary>Credentials for a token.</summary>
public sealed record LoginRequest(string? Email, string? Password) : IValidatable
{
    public Validation Validate() => new Validation()
        .Text(Email, "email", RegisterRequest.MaxEmailLength)
        .Text(Password, "password", RegisterRequest.MaxPasswordLength);
}
