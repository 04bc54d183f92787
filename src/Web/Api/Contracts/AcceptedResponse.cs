namespace Fashionistas.Web.Api.Contracts;

/// <summary>A request taken in; what follows arrives by e-mail.</summary>
public sealed record AcceptedResponse(string Message);
