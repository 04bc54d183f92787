using Fashionistas.Silo.Messaging;

namespace Fashionistas.Tests.Messaging;

/// <summary>The ticket confirmation the messaging tests send.</summary>
public static class SampleMessages
{
    public static OutgoingMessage Confirmation(MessageChannel channel, string recipient) => new(
        channel,
        recipient,
        MessageTemplates.TicketConfirmation,
        new Dictionary<string, string>
        {
            ["name"] = "Ana",
            ["event"] = "Bogotá Fashion Week",
            ["quantity"] = "2",
            ["date"] = "14 de marzo de 2026",
            ["order"] = "F-1042",
        });
}
