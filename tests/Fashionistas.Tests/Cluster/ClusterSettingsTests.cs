using Fashionistas.Silo.Cluster;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Fashionistas.Tests.Cluster;

public sealed class ClusterSettingsTests
{
    private static OrleansClusterOptions Read(params (string Key, string Value)[] settings) =>
        OrleansClusterOptionsValidator.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create("Orleans:" + s.Key, (string?)s.Value)))
            .Build()
            .GetSection(OrleansClusterOptions.Section));

    [Fact]
    public void WithNothingConfiguredANodeIsALocalhostSilo()
    {
        var options = Read();

        Assert.Equal(ClusteringMode.Localhost, options.Clustering);
        Assert.Equal(NodeRole.Silo, options.Role);
        Assert.Null(options.AdvertisedAddress);
    }

    [Fact]
    public void ClusterSettingsAreReadWhateverTheirCase()
    {
        var options = Read(("Clustering", "adonet"), ("Role", "CLIENT"), ("SiloPort", "11112"), ("GatewayPort", "30002"), ("AdvertisedIP", "10.0.0.5"));

        Assert.Equal(ClusteringMode.AdoNet, options.Clustering);
        Assert.Equal(NodeRole.Client, options.Role);
        Assert.Equal(11112, options.SiloPort);
        Assert.Equal("10.0.0.5", options.AdvertisedAddress!.ToString());
    }

    [Theory]
    [InlineData("Clustering", "consul")]
    [InlineData("Role", "both")]
    [InlineData("SiloPort", "0")]
    [InlineData("GatewayPort", "-1")]
    [InlineData("GatewayPort", "70000")]
    [InlineData("SiloPort", "30000")]
    [InlineData("AdvertisedIP", "node-a.local")]
    [InlineData("ClusterId", " ")]
    public void ASettingThatCouldNotWorkStopsTheStart(string key, string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Read((key, value)));

        Assert.NotEmpty(error.Failures);
    }
}
