namespace Fashionistas.Web.Api.Contracts;

/// <summary>A new attendee account.</summary>
public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName);
