namespace Fashionistas.Web.Api.Contracts;

/// <summary>The e-mail of the registered user who gets the ticket.</summary>
public sealed record TransferRequest(string? Email);
