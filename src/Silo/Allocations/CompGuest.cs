namespace Fashionistas.Silo.Allocations;

/// <summary>A person to issue a comp ticket to; an account is made for an e-mail nobody has registered.</summary>
public sealed record CompGuest(string Name, string Email);
