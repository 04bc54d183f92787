namespace Fashionistas.Silo.Accounts;

/// <summary>A stored user with its roles.</summary>
public sealed record UserAccount(Guid Id, string Email, string DisplayName, string PasswordHash, IReadOnlyList<string> Roles);
