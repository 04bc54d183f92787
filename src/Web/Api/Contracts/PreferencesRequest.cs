using Fashionistas.Silo.Messaging;
using Fashionistas.Web.Errors;

namespace Fashionistas.Web.Api.Contracts;

/// <summary>
/// Contact settings: phone (empty removes it; normalized to E.164 by the endpoint, which knows the default country),
/// WhatsApp consent (needs a phone), message language (es, en).
/// </summary>
public sealed record PreferencesRequest(string? Phone, bool WhatsAppOptIn, string? Language) : IValidatable
{
    private const int MaxPhoneLength = 32;

    public Validation Validate() => new Validation()
        .Text(Phone, "phone", MaxPhoneLength, required: false)
        .Require(!WhatsAppOptIn || !string.IsNullOrWhiteSpace(Phone), "whatsAppOptIn", "WhatsApp needs a phone number.")
        .Require(MessageTemplates.Supports(Language), "language", "language must be es or en.");
}
