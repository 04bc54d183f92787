namespace Fashionistas.Silo.Accounts;

/// <summary>One row of the admins' user list.</summary>
public sealed record UserSummary(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, DateTimeOffset CreatedAt);
