namespace Fashionistas.Web.Api.Contracts;

/// <summary>A lifecycle step, e.g. {"status":"review","reason":"ready"}.</summary>
public sealed record StatusChangeRequest(string? Status, string? Reason);
