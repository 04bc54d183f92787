namespace Fashionistas.Silo.Accounts;

/// <summary>A stored user with its roles.</summary>
/// <param name="SecurityStamp">Changes (in the database) with every password or role change; tokens carry it.</param>
public sealed record UserAccount(
    Guid Id, string Email, string DisplayName, string PasswordHash, IReadOnlyList<string> Roles, Guid SecurityStamp);
