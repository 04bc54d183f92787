namespace Fashionistas.Tests.Browser;

/// <summary>The browser tests' set-up: a Chromium it may not install is a clear instruction, not a stack trace.</summary>
public sealed class ChromiumInstallerTests
{
    [Fact]
    public async Task AMissingChromiumOutsideDebiansPlaceIsNotInstalledAndTheErrorSaysWhatToRun()
    {
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "chromium");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => ChromiumInstaller.EnsureAsync(missing, isDefaultLocation: false));

        Assert.Contains(missing, refused.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y chromium", refused.Message, StringComparison.Ordinal);
        Assert.Contains("FASHIONISTAS_CHROMIUM", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChromiumThatIsThereIsUsedAsItIs()
    {
        var present = Path.GetTempFileName();
        try
        {
            await ChromiumInstaller.EnsureAsync(present, isDefaultLocation: true);
        }
        finally
        {
            File.Delete(present);
        }
    }
}
