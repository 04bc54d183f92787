namespace Fashionistas.Web.Api.Contracts;

/// <summary>Credentials for a token.</summary>
public sealed record LoginRequest(string? Email, string? Password);
