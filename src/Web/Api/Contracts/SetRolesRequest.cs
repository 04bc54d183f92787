using Fashionistas.Silo.Accounts;
using Fashionistas.Web.Errors;

namespace Fashionistas.Web.Api.Contracts;

/// <summary>The complete set of roles a user should have.</summary>
public sealed record SetRolesRequest(IReadOnlyList<string>? Roles) : IValidatable
{
    public Validation Validate()
    {
        var unknown = (Roles ?? []).Where(r => !UserRoles.All.Contains(r)).ToList();
        return new Validation()
            .Require(Roles is { Count: > 0 }, "roles", "roles must name at least one role.")
            .Require(unknown.Count == 0, "roles", $"Unknown roles: {string.Join(", ", unknown)}. Known: {string.Join(", ", UserRoles.All)}.");
    }
}
