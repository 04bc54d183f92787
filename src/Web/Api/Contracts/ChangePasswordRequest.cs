using Fashionistas.Web.Errors;

namespace Fashionistas.Web.Api.Contracts;

/// <summary>The signed-in user's new password, with the current one as proof.</summary>
public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword) : IValidatable
{
    public Validation Validate() => new Validation()
        .Require(CurrentPassword is { Length: > 0 and <= RegisterRequest.MaxPasswordLength }, "currentPassword", "currentPassword is required.")
        .Require(NewPassword is { Length: >= RegisterRequest.MinPasswordLength and <= RegisterRequest.MaxPasswordLength }, "newPassword",
            $"newPassword must be {RegisterRequest.MinPasswordLength} to {RegisterRequest.MaxPasswordLength} characters.")
        .Require(NewPassword is null || NewPassword != CurrentPassword, "newPassword", "newPassword must differ from the current one.");
}
