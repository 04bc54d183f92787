namespace Fashionistas.Web.Api.Contracts.Allocations;

/// <summary>A comp ticket's person: the name printed on it and the e-mail it is sent to.</summary>
public sealed record CompGuestRequest(string? Name, string? Email);
