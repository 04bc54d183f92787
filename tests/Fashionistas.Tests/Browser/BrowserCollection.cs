namespace Fashionistas.Tests.Browser;

/// <summary>Browser test classes run one after another: each starts a server and a Chromium, and CI has 2 cores.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection
{
    public const string Name = "Browser";
}
