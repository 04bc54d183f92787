namespace Fashionistas.Web.Api.Contracts;

/// <summary>A bearer access token and when it stops working.</summary>
public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt);
