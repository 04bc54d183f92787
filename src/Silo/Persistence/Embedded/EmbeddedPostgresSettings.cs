namespace Fashionistas.Silo.Persistence.Embedded;

/// <summary>How to run one embedded cluster.</summary>
public sealed record EmbeddedPostgresSettings(string DataDirectory)
{
    public string? BinDirectory { get; init; }

    public int Port { get; init; }

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Extra <c>-c name=value</c> server settings.</summary>
    public IReadOnlyDictionary<string, string> ServerSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>Stop the cluster when this process disappears (even by SIGKILL).</summary>
    public int? WatchProcessId { get; init; }

    /// <summary>Throw-away cluster: remove its files when stopped (also by the watchdog).</summary>
    public bool DeleteOnStop { get; init; }
}
