using System.Net.Mail;
using Fashionistas.Web.Errors;

namespace Fashionistas.Web.Api.Contracts;

/// <summary>A new attendee account.</summary>
public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName) : IValidatable
{
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 128;
    public const int MaxEmailLength = 254;
    public const int MaxNameLength = 100;

    public Validation Validate() => new Validation()
        .Text(Email, "email", MaxEmailLength)
        .Require(Email is null || IsEmail(Email), "email", "email is not a valid address.")
        .Require(Password is { Length: >= MinPasswordLength and <= MaxPasswordLength }, "password",
            $"password must be {MinPasswordLength} to {MaxPasswordLength} characters.")
        .Text(DisplayName, "displayName", MaxNameLength);

    internal static bool IsEmail(string value) =>
        MailAddress.TryCreate(value.Trim(), out var address) && address.Address == value.Trim() && value.Contains('.', StringComparison.Ordinal);
}
