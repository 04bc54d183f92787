namespace Fashionistas.Web.Api.Contracts;

/// <summary>The complete set of roles a user should have.</summary>
public sealed record SetRolesRequest(IReadOnlyList<string>? Roles);
