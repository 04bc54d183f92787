namespace Fashionistas.Web.Api.Contracts;

/// <summary>The signed-in person's contact settings; the phone in E.164.</summary>
public sealed record PreferencesResponse(string? Phone, bool WhatsAppOptIn, string Language, bool EmailVerified);
