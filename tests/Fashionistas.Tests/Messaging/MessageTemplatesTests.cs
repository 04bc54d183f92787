using Fashionistas.Silo.Messaging;

namespace Fashionistas.Tests.Messaging;

public sealed class MessageTemplatesTests
{
    [Fact]
    public void TheTicketConfirmationRendersInSpanishWithEveryValue()
    {
        var parameters = new Dictionary<string, string>
        {
            ["name"] = "Ana",
            ["event"] = "Bogotá Fashion Week",
            ["quantity"] = "2",
            ["date"] = "14 de marzo de 2026",
            ["order"] = "F-1042",
        };

        Assert.True(MessageTemplates.TryRender(MessageTemplates.TicketConfirmation, parameters, out var text));
        Assert.StartsWith("¡Hola Ana! Tus boletas para Bogotá Fashion Week", text, StringComparison.Ordinal);
        Assert.Contains("F-1042", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingValueDoesNotRenderAHalfFilledMessage()
    {
        var parameters = new Dictionary<string, string> { ["name"] = "Ana" };

        Assert.False(MessageTemplates.TryRender(MessageTemplates.TicketConfirmation, parameters, out var text));
        Assert.Null(text);
    }

    [Fact]
    public void AnUnknownTemplateDoesNotRender() =>
        Assert.False(MessageTemplates.TryRender("no_such_template", new Dictionary<string, string>(), out _));

    [Fact]
    public void EveryTemplateRendersWhenGivenItsPlaceholders()
    {
        foreach (var name in MessageTemplates.Texts.Keys)
        {
            var placeholders = MessageTemplates.Placeholders(name);
            Assert.NotEmpty(placeholders);
            var parameters = placeholders.ToDictionary(placeholder => placeholder, placeholder => $"<{placeholder}>");
            Assert.True(MessageTemplates.TryRender(name, parameters, out _), name);
        }
    }

    [Fact]
    public void TicketConfirmationPlaceholdersAreTheDocumentedOnes() =>
        Assert.Equal(["name", "event", "quantity", "date", "order"], MessageTemplates.Placeholders(MessageTemplates.TicketConfirmation));
}
