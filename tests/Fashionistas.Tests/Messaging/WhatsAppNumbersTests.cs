using Fashionistas.Silo.Messaging.Wati;

namespace Fashionistas.Tests.Messaging;

public sealed class WhatsAppNumbersTests
{
    [Theory]
    [InlineData("+57 300 123 4567", "573001234567")]
    [InlineData("573001234567", "573001234567")]
    [InlineData("300-123-4567", "573001234567")]
    [InlineData("(300) 123 4567", "573001234567")]
    [InlineData("0057 300 123 4567", "573001234567")]
    [InlineData("+1 415 555 2671", "14155552671")]
    public void NumbersAreNormalisedToCountryCodeAndDigits(string input, string expected)
    {
        Assert.True(WhatsAppNumbers.TryNormalize(input, "57", out var number));
        Assert.Equal(expected, number);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ana@example.com")]
    [InlineData("+57 300")]
    [InlineData("+57 3001234567 8901234")]
    public void ThingsThatAreNotPhoneNumbersAreRefused(string? input) =>
        Assert.False(WhatsAppNumbers.TryNormalize(input, "57", out _));
}
