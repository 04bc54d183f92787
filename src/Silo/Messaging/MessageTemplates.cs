using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Fashionistas.Silo.Messaging;

/// <summary>
/// Our message templates, Spanish first (<see cref="Texts"/>) and English for people who chose it
/// (<see cref="EnglishTexts"/>). The names are the WhatsApp template names registered in WATI (whose approved Spanish
/// copies must match these texts); the texts are also the e-mails' plain-text parts and what the log sender records.
/// Placeholders are <c>{{name}}</c>, filled from <see cref="OutgoingMessage.Parameters"/>.
/// </summary>
public static partial class MessageTemplates
{
    public const string Language = "es";
    public const string English = "en";

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

    /// <summary>Parameters: name, event, order.</summary>
    public const string OrderCancelled = "order_cancelled";

    /// <summary>A refund because the event was cancelled. Parameters: name, amount, order, event.</summary>
    public const string EventCancelled = "event_cancelled";

    /// <summary>To the new owner of a transferred ticket. Parameters: name, from, event, date, code.</summary>
    public const string TicketReceived = "ticket_received";

    /// <summary>To the person who gave a ticket away. Parameters: name, to, event.</summary>
    public const string TicketTransferred = "ticket_transferred";

    /// <summary>E-mail only (carries the tickets). The owner changed attendee names. Parameters: name, event, quantity.</summary>
    public const string AttendeeUpdate = "attendee_update";

    /// <summary>E-mail only (holds a secret link). Parameters: name, link, minutes.</summary>
    public const string PasswordReset = "password_reset";

    /// <summary>E-mail only (holds a secret link). Parameters: name, link.</summary>
    public const string EmailVerification = "email_verification";

    public static FrozenDictionary<string, string> Texts { get; } = new Dictionary<string, string>
    {
        [OrderCancelled] =
            "Hola {{name}}, tu pedido {{order}} para {{event}} fue cancelado y las boletas reservadas se liberaron. "
            + "No se hizo ningún cobro.",
        [EventCancelled] =
            "Hola {{name}}, lamentamos contarte que {{event}} fue cancelado. Te reembolsamos {{amount}} del pedido "
            + "{{order}}; puede tardar unos días en verse en tu medio de pago.",
        [TicketReceived] =
            "¡Hola {{name}}! {{from}} te transfirió una boleta para {{event}} ({{date}}). Tu código es {{code}}; "
            + "la encuentras con su QR en Mis boletas.",
        [TicketTransferred] =
            "Hola {{name}}, transferiste tu boleta de {{event}} a {{to}}. El código anterior ya no sirve en la entrada.",
        [PasswordReset] =
            "Hola {{name}}, recibimos una solicitud para cambiar tu contraseña de Fashionistas. Elige una nueva en este "
            + "enlace (vale {{minutes}} minutos y sirve una sola vez): {{link}}\n\nSi no lo pediste, ignora este correo: "
            + "tu contraseña no cambia.",
        [EmailVerification] =
            "¡Hola {{name}}! Confirma que este correo es tuyo abriendo este enlace: {{link}}\n\nCuando lo confirmes podrás "
            + "comprar boletas en las preventas.",
        [AttendeeUpdate] =
            "Hola {{name}}, cambiaste quién asiste a {{event}}. Aquí están tus boletas actualizadas ({{quantity}}): "
            + "sus códigos QR no cambian, así que las que ya tenías siguen sirviendo en la entrada.",
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

    public static FrozenDictionary<string, string> EnglishTexts { get; } = new Dictionary<string, string>
    {
        [TicketConfirmation] =
            "Hi {{name}}! Your tickets for {{event}} are confirmed. Quantity: {{quantity}} · Date: {{date}} · "
            + "Order: {{order}}. Show each ticket's QR code at the door. See you at the runway!",
        [AttendeeUpdate] =
            "Hi {{name}}, you changed who attends {{event}}. Here are your updated tickets ({{quantity}}): their QR "
            + "codes stay the same, so the ones you already have still work at the door.",
        [PaymentFailed] =
            "Hi {{name}}, we could not process your payment for {{event}}. Your tickets stay held until {{expires}}; "
            + "you can try again from your account.",
        [RefundIssued] =
            "Hi {{name}}, we refunded {{amount}} of order {{order}} for {{event}}. It may take a few days to show on "
            + "your payment method.",
        [EventReminder] =
            "Hi {{name}}! A reminder that {{event}} is on {{date}} at {{venue}}. Keep your tickets' QR codes at hand.",
        [WaitlistSeatsAvailable] =
            "Hi {{name}}! {{tier}} tickets for {{event}} ({{date}}) are back and you are near the front of the waitlist. "
            + "Open Fashionistas and hold them before they are gone.",
        [EventAnnouncement] =
            "New Fashionistas event!\n\n{{event}}\nDate: {{date}}\nTickets from: {{price}}\nExclusive presale",
        [OrderCancelled] =
            "Hi {{name}}, your order {{order}} for {{event}} was cancelled and its held tickets were released. "
            + "You were not charged.",
        [EventCancelled] =
            "Hi {{name}}, we are sorry: {{event}} was cancelled. We refunded {{amount}} of order {{order}}; it may take "
            + "a few days to show on your payment method.",
        [TicketReceived] =
            "Hi {{name}}! {{from}} transferred you a ticket for {{event}} ({{date}}). Your code is {{code}}; find it "
            + "with its QR under My tickets.",
        [TicketTransferred] =
            "Hi {{name}}, you transferred your ticket for {{event}} to {{to}}. The old code no longer works at the door.",
        [PasswordReset] =
            "Hi {{name}}, we received a request to change your Fashionistas password. Choose a new one with this link "
            + "(valid for {{minutes}} minutes, once): {{link}}\n\nIf you did not ask for it, ignore this e-mail: your "
            + "password stays the same.",
        [EmailVerification] =
            "Hi {{name}}! Confirm this e-mail address is yours by opening this link: {{link}}\n\nOnce confirmed you "
            + "can buy tickets in presales.",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, (string Es, string En)> Subjects = new Dictionary<string, (string, string)>
    {
        [TicketConfirmation] = ("Tus boletas para {{event}}", "Your tickets for {{event}}"),
        [AttendeeUpdate] = ("Boletas actualizadas: {{event}}", "Updated tickets: {{event}}"),
        [PaymentFailed] = ("No pudimos procesar tu pago", "We could not process your payment"),
        [RefundIssued] = ("Reembolso de tu pedido {{order}}", "Refund of your order {{order}}"),
        [EventReminder] = ("Mañana: {{event}}", "Tomorrow: {{event}}"),
        [EventAnnouncement] = ("Nuevo evento: {{event}}", "New event: {{event}}"),
        [WaitlistSeatsAvailable] = ("Volvieron las boletas de {{event}}", "Tickets for {{event}} are back"),
        [OrderCancelled] = ("Pedido {{order}} cancelado", "Order {{order}} cancelled"),
        [EventCancelled] = ("{{event}} fue cancelado", "{{event}} was cancelled"),
        [TicketReceived] = ("Recibiste una boleta para {{event}}", "You received a ticket for {{event}}"),
        [TicketTransferred] = ("Transferiste tu boleta de {{event}}", "You transferred your ticket for {{event}}"),
        [PasswordReset] = ("Cambia tu contraseña de Fashionistas", "Change your Fashionistas password"),
        [EmailVerification] = ("Confirma tu correo en Fashionistas", "Confirm your e-mail at Fashionistas"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>True for the languages we write messages in.</summary>
    public static bool Supports(string? language) => language is Language or English;

    /// <summary>The e-mail subject of a template in <paramref name="language"/>, placeholders filled (missing ones left out).</summary>
    public static string Subject(string templateName, string language, IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var subject = Subjects.TryGetValue(templateName, out var both) ? (language == English ? both.En : both.Es) : "Fashionistas";
        return Placeholder().Replace(subject, match => parameters.TryGetValue(match.Groups[1].Value, out var value) ? value : string.Empty);
    }

    /// <summary>
    /// The text in <paramref name="language"/> (Spanish when there is no English copy) with every placeholder filled;
    /// false when the template is unknown or a placeholder has no value.
    /// </summary>
    public static bool TryRender(
        string templateName, IReadOnlyDictionary<string, string> parameters, string language, [NotNullWhen(true)] out string? text)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        text = null;
        var texts = language == English && EnglishTexts.ContainsKey(templateName) ? EnglishTexts : Texts;
        return texts.TryGetValue(templateName, out var template) && TryFill(template, parameters, out text);
    }

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
        string templateName, IReadOnlyDictionary<string, string> parameters, [NotNullWhen(true)] out string? text) =>
        TryRender(templateName, parameters, Language, out text);

    private static bool TryFill(string template, IReadOnlyDictionary<string, string> parameters, [NotNullWhen(true)] out string? text)
    {
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
