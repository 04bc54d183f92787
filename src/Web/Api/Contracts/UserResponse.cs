namespace Fashionistas.Web.Api.Contracts;

/// <summary>A user as the API shows it.</summary>
public sealed record UserResponse(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles);
