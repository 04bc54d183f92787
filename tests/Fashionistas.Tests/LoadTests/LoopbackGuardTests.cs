using Fashionistas.LoadTests.Cli;
using Fashionistas.LoadTests.Hosting;

namespace Fashionistas.Tests.LoadTests;

public sealed class LoopbackGuardTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("::1")]
    [InlineData("[::1]")]
    [InlineData("localhost")]
    public async Task LoopbackTargetsAreAccepted(string host) =>
        await LoopbackGuard.EnsureLoopbackAsync("--target", host, CancellationToken.None);

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("192.168.1.20")]
    [InlineData("8.8.8.8")]
    [InlineData("2001:db8::1")]
    public async Task AnyOtherTargetIsRefused(string host) =>
        await Assert.ThrowsAsync<UsageException>(() => LoopbackGuard.EnsureLoopbackAsync("--target", host, CancellationToken.None));
}
