using Fashionistas.Grains.Domain;
using Fashionistas.Silo.Tickets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Fashionistas.Tests.Tickets;

public sealed class TicketQrRendererTests
{
    private readonly string code = TicketCodes.New();

    [Fact]
    public void ATicketQrIsAPngWithAPositiveSize()
    {
        var png = Renderer().RenderPng(code);

        Assert.True(PngImage.HasSignature(png));
        var image = PngImage.Decode(png);
        Assert.True(image.Width > 0);
        Assert.Equal(image.Width, image.Height);
    }

    [Fact]
    public void ThePngDrawsExactlyTheQrModulesOfTheCodeAtTheConfiguredScale()
    {
        const int PixelsPerModule = 6;
        var image = PngImage.Decode(Renderer(new TicketQrOptions { PixelsPerModule = PixelsPerModule }).RenderPng(code));
        using var expected = QRCodeGenerator.GenerateQrCode(code, QRCodeGenerator.ECCLevel.Q);
        var modules = expected.ModuleMatrix;

        Assert.Equal(modules.Count * PixelsPerModule, image.Width);
        for (var row = 0; row < modules.Count; row++)
        {
            for (var column = 0; column < modules.Count; column++)
            {
                var centre = (PixelsPerModule / 2) + (row * PixelsPerModule);
                Assert.Equal(modules[row][column], image.IsDark((column * PixelsPerModule) + (PixelsPerModule / 2), centre));
            }
        }
    }

    [Fact]
    public void ByDefaultTheQrHoldsTheBareCode() => Assert.Equal(code, Renderer().ContentFor(code));

    [Fact]
    public void ALinkTemplatePutsTheCodeInALinkThatReadsBackToTheCode()
    {
        var renderer = Renderer(new TicketQrOptions { LinkTemplate = "https://fashionistas.co/t/{code}" });

        var content = renderer.ContentFor(code);

        Assert.Equal($"https://fashionistas.co/t/{code}", content);
        Assert.True(TicketCodes.TryParse(content, out var scanned));
        Assert.Equal(code, scanned);
        Assert.True(PngImage.HasSignature(renderer.RenderPng(code)));
    }

    [Fact]
    public void AMalformedCodeIsNotRendered() =>
        Assert.Throws<ArgumentException>(() => Renderer().RenderPng("not-a-ticket"));

    [Fact]
    public void AddTicketsRegistersTheRendererAndValidatesOptions()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Tickets:Qr:ErrorCorrection"] = "X" })
            .Build();
        using var services = new ServiceCollection().AddTickets(configuration).BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<TicketQrRenderer>().RenderPng(code));
    }

    private static TicketQrRenderer Renderer(TicketQrOptions? options = null) =>
        new(Options.Create(options ?? new TicketQrOptions()));
}
