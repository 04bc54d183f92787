using Fashionistas.Web.Errors;

namespace Fashionistas.Web.Api.Contracts;

/// <summary>A new password with the token from the reset link.</summary>
public sealed record NewPasswordRequest(string? Token, string? NewPassword) : IValidatable
{
    public Validation Validate() => new Validation()
        .Text(Token, "token", TokenRequest.MaxTokenLength)
        .Require(NewPassword is { Length: >= RegisterRequest.MinPasswordLength and <= RegisterRequest.MaxPasswordLength }, "newPassword",
            $"newPassword must be {RegisterRequest.MinPasswordLength} to {RegisterRequest.MaxPasswordLength} characters.");
}
