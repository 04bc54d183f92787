using Fashionistas.Web.Errors;

namespace Fashionistas.Web.Api.Contracts;

/// <summary>The e-mail of the registered user who gets the ticket.</summary>
public sealed record TransferRequest(string? Email) : IValidatable
{
    private const int MaxEmailLength = 254;

    public Validation Validate() => new Validation()
        .Text(Email, "email", MaxEmailLength)
        .Require(Email is null || Email.Contains('@', StringComparison.Ordinal), "email", "email must be an e-mail address.");
}
