namespace Fashionistas.Web.Auth;

/// <summary>
/// The claim an access token carries its user's security stamp in (<c>users.security_stamp</c>, which the database
/// changes with every password or role change). <see cref="CurrentRightsMiddleware"/> compares it per request.
/// </summary>
public static class SecurityStampClaim
{
    public const string Type = "stamp";
}
