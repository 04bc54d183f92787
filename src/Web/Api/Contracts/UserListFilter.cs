using Fashionistas.Silo.Accounts;
using Fashionistas.Web.Errors;

namespace Fashionistas.Web.Api.Contracts;

/// <summary>The admins' user-list filters: a piece of e-mail or name, and a role.</summary>
public sealed record UserListFilter(string? Search, string? Role)
{
    public const int MaxSearchLength = 100;

    public Validation Validate() => new Validation()
        .Require(Search is null || Search.Length <= MaxSearchLength, "search", $"search must be at most {MaxSearchLength} characters.")
        .Require(Role is null || UserRoles.All.Contains(Role), "role", $"role must be one of: {string.Join(", ", UserRoles.All)}.");
}
