namespace Fashionistas.Silo.Accounts;

/// <summary>The first admin account (section <c>Fashionistas:Admin</c>); never a fixed default password.</summary>
public sealed class AdminOptions
{
    public const string Section = "Fashionistas:Admin";

    /// <summary>Admin e-mail; default <c>admin@fashionistas.local</c>.</summary>
    public string Email { get; set; } = "admin@fashionistas.local";

    /// <summary>Admin password; when empty on first start a strong one is generated and printed once.</summary>
    public string? Password { get; set; }
}
