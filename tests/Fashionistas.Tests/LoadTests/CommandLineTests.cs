using Fashionistas.LoadTests.Cli;

namespace Fashionistas.Tests.LoadTests;

public sealed class CommandLineTests
{
    [Fact]
    public void OptionsFlagsAndDurationsAreRead()
    {
        var cli = new CommandLine(["--users", "1_000", "--no-checkout", "--duration-limit", "5m", "--rate=200/s", "--fast-setup"]);

        Assert.Equal(1000, cli.Int("users", 1, 1, 100_000));
        Assert.False(cli.Flag("checkout", true));
        Assert.True(cli.Flag("fast-setup", false));
        Assert.Equal(TimeSpan.FromMinutes(5), cli.Duration("duration-limit", TimeSpan.Zero, TimeSpan.FromHours(1)));
        Assert.Equal(200, cli.Rate("rate", 1, 1000));
        cli.ThrowOnUnknown();
    }

    [Fact]
    public void AnUnknownOptionIsRefusedRatherThanIgnored()
    {
        var cli = new CommandLine(["--user", "10"]);
        cli.Int("users", 1, 1, 10);

        Assert.Throws<UsageException>(cli.ThrowOnUnknown);
    }

    [Theory]
    [InlineData("500ms", 0.5)]
    [InlineData("30s", 30)]
    [InlineData("2m", 120)]
    [InlineData("1h", 3600)]
    [InlineData("90", 90)]
    public void DurationsTakeUnits(string text, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), CommandLine.ParseDuration(text));
}
