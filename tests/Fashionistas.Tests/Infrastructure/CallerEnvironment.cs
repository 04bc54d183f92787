using System.Collections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;

namespace Fashionistas.Tests.Infrastructure;

/// <summary>
/// Keeps the environment of whoever runs <c>dotnet test</c> out of the servers the tests start: a developer's own
/// <c>Fashionistas__Admin__Password</c>, connection string or Stripe key must not change what a test sees.
/// </summary>
public static class CallerEnvironment
{
    /// <summary>Variables the server reads as its configuration: <c>Section__Key</c> names, listen addresses and OTLP.</summary>
    public static bool IsAppSetting(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Contains("__", StringComparison.Ordinal)
            || name.Equals("Urls", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("ASPNETCORE_URLS", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("ASPNETCORE_HTTP", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("OTEL_", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The environment for <c>ServerProcess.Start</c>: every app setting of the caller blanked (a child inherits the
    /// caller's environment and that API can only add), then <paramref name="settings"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Only(IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(IsAppSetting))
        {
            environment[name] = string.Empty;
        }

        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        return environment;
    }

    /// <summary>Removes the caller's app settings from a child process's environment.</summary>
    public static void RemoveFrom(IDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        foreach (var name in environment.Keys.Where(IsAppSetting).ToList())
        {
            environment.Remove(name);
        }
    }

    /// <summary>Drops the unprefixed environment-variable source from an in-process server's configuration.</summary>
    public static void RemoveFrom(IConfigurationBuilder configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var source in configuration.Sources.OfType<EnvironmentVariablesConfigurationSource>().Where(s => string.IsNullOrEmpty(s.Prefix)).ToList())
        {
            configuration.Sources.Remove(source);
        }
    }
}
