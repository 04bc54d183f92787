using Fashionistas.Grains.Domain;

namespace Fashionistas.Tests.Tickets;

public sealed class TicketCodesTests
{
    [Fact]
    public void TenThousandCodesAreUniqueAndWellFormed()
    {
        var codes = Enumerable.Range(0, 10_000).Select(_ => TicketCodes.New()).ToList();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, code => Assert.True(TicketCodes.IsWellFormed(code), code));
    }

    [Fact]
    public void CodesUseEveryCharacterPositionRandomly()
    {
        var codes = Enumerable.Range(0, 2_000).Select(_ => TicketCodes.New()).ToList();

        // The first character carries 3 bits (8 values), the others 5 bits (32 values): with 2,000
        // samples every value shows up unless bits are being lost.
        Assert.Equal(8, codes.Select(code => code[0]).Distinct().Count());
        for (var position = 1; position < TicketCodes.CodeLength; position++)
        {
            Assert.Equal(32, codes.Select(code => code[position]).Distinct().Count());
        }
    }

    [Fact]
    public void EncodingIsCrockfordBase32OfAll128Bits()
    {
        Assert.Equal(new string('0', 26), TicketCodes.Encode(new byte[16]));
        Assert.Equal("7" + new string('Z', 25), TicketCodes.Encode(Enumerable.Repeat((byte)0xFF, 16).ToArray()));
        var one = new byte[16];
        one[15] = 1;
        Assert.Equal(new string('0', 25) + "1", TicketCodes.Encode(one));
        var top = new byte[16];
        top[0] = 0x80;
        Assert.Equal("4" + new string('0', 25), TicketCodes.Encode(top));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0123456789ABCDEFGHJKMNPQR")]
    [InlineData("0123456789ABCDEFGHJKMNPQRST")]
    [InlineData("0123456789abcdefghjkmnpqrs")]
    [InlineData("0123456789ABCDEFGHJKMNPQRU")]
    [InlineData("0123456789ABCDEFGHJKMNPQRI")]
    [InlineData("8123456789ABCDEFGHJKMNPQRS")]
    [InlineData("0123456789ABCDEF-HJKMNPQRS")]
    public void MalformedCodesAreRecognised(string? code) => Assert.False(TicketCodes.IsWellFormed(code));

    [Theory]
    [InlineData("0123456789ABCDEFGHJKMNPQRS")]
    [InlineData("0123456789abcdefghjkmnpqrs")]
    [InlineData("01234-56789-ABCDE-FGHJK-MNPQRS")]
    [InlineData(" 0123456789ABCDEFGHJKMNPQRS ")]
    [InlineData("O123456789ABCDEFGHJKMNPQRS")]
    [InlineData("https://fashionistas.co/t/0123456789ABCDEFGHJKMNPQRS")]
    [InlineData("https://fashionistas.co/t/0123456789ABCDEFGHJKMNPQRS/?utm=qr")]
    public void ScannedOrTypedCodesAreReadBackToTheCanonicalCode(string scanned)
    {
        Assert.True(TicketCodes.TryParse(scanned, out var code));
        Assert.Equal("0123456789ABCDEFGHJKMNPQRS", code);
    }

    [Fact]
    public void LookAlikeLettersAreReadAsDigits()
    {
        Assert.True(TicketCodes.TryParse("iL23456789ABCDEFGHJKMNPQRS", out var code));
        Assert.Equal("1123456789ABCDEFGHJKMNPQRS", code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://fashionistas.co/t/")]
    [InlineData("0123456789ABCDEFGHJKMNPQRSX")]
    [InlineData("0123456789ABCDEFGHJKMNPQRU")]
    public void GarbageIsNotReadAsACode(string? scanned) => Assert.False(TicketCodes.TryParse(scanned, out _));
}
