namespace Fashionistas.Web.Auth;

/// <summary>Policy names of the industry routes: each is exactly one role (admins moderate through the owner routes instead).</summary>
public static class IndustryPolicies
{
    public const string Designer = "designer";
    public const string Model = "model";
    public const string Sponsor = "sponsor";
}
