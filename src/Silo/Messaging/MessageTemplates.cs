using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Fashionistas.Silo.Messaging;

/// <summary>
/// Our Spanish message templates. The names are the WhatsApp template names registered in WATI
/// (whose approved copies must match these texts); the texts are also what the log sender records.
/// Placeholders are <c>{{name}}</c>, filled from <see cref="OutgoingMessage.Parameters"/>.
/// </summary>
public static partial class MessageTemplates
{
    public const string Language = "es";

    /// <summary>Parameters: name, event, quantity, date, order.</summary>
    public const string TicketConfirmation = "ticket_confirmation";

    /// <summary>Parameters: name, event, expires.</summary>
    public const string PaymentFailed = "payment_failed";

    /// <summary>Parameters: name, amount, order, event.</summary>
    public const string RefundIssued = "refund_issued";

    /// <summary>Parameters: name, event, date, venue.</summary>
    public const string EventReminder = "event_reminder";

    /// <summary>Parameters: event, date, price.</summary>
    public const string EventAnnouncement = "event_announcement";

    /// <summary>Parameters: name, tier, event, date.</summary>
    public const string WaitlistSeatsAvailable = "waitlist_seats_available";

    public static FrozenDictionary<string, string> Texts { get; } = new Dictionary<string, string>
    {
        [TicketConfirmation] =
            "¡Hola {{name}}! Tus boletas para {{event}} están confirmadas. 🎟️ Cantidad: {{quantity}} · "
            + "Fecha: {{date}} · Pedido: {{order}}. Muestra el código QR de cada boleta en la entrada. "
            + "¡Nos vemos en la pasarela!",
        [PaymentFailed] =
            "Hola {{name}}, no pudimos procesar tu pago para {{event}}. Tus boletas siguen reservadas "
            + "hasta {{expires}}; puedes intentarlo de nuevo desde tu cuenta.",
        [RefundIssued] =
            "Hola {{name}}, te reembolsamos {{amount}} del pedido {{order}} para {{event}}. "
            + "Puede tardar unos días en verse en tu medio de pago.",
        [EventReminder] =
            "¡Hola {{name}}! Te recordamos que {{event}} es el {{date}} en {{venue}}. "
            + "Ten a mano el código QR de tus boletas.",
        [WaitlistSeatsAvailable] =
            "¡Hola {{name}}! Se liberaron boletas {{tier}} para {{event}} ({{date}}) y eres de los primeros en la "
            + "lista de espera. Entra a Fashionistas y resérvalas antes de que se agoten.",
        [EventAnnouncement] =
            "🎭 ¡Nuevo Evento Fashionistas!\n\n{{event}}\n📅 Fecha: {{date}}\n🎟️ Entradas desde: {{price}}\n"
            + "🎉 Preventa exclusiva\n\nResponde \"INFO\" para más detalles",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The placeholder names of a template, in order of appearance; empty for an unknown template.</summary>
    public static IReadOnlyList<string> Placeholders(string templateName) =>
        Texts.TryGetValue(templateName, out var text)
            ? Placeholder().Matches(text).Select(match => match.Groups[1].Value).Distinct().ToArray()
            : [];

    /// <summary>
    /// The text with every placeholder filled; false when the template is unknown or a placeholder
    /// has no value (a half-filled message should not reach a customer).
    /// </summary>
    public static bool TryRender(
        string templateName, IReadOnlyDictionary<string, string> parameters, [NotNullWhen(true)] out string? text)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        text = null;
        if (!Texts.TryGetValue(templateName, out var template))
        {
            return false;
        }

        var complete = true;
        var rendered = Placeholder().Replace(template, match =>
        {
            if (parameters.TryGetValue(match.Groups[1].Value, out var value))
            {
                return value;
            }

            complete = false;
            return match.Value;
        });
        text = complete ? rendered : null;
        return complete;
    }

    [GeneratedRegex(@"\{\{(\w+)\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
