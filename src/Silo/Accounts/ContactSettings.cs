namespace Fashionistas.Silo.Accounts;

/// <summary>A person's contact settings as stored.</summary>
public sealed record ContactSettings(string? Phone, bool WhatsAppOptIn, string Language, bool EmailVerified);
