namespace Fashionistas.Tests.Cluster.Support;

/// <summary>A grain that exercises the ADO.NET grain storage and reminders, nothing else.</summary>
[Alias("Fashionistas.Tests.Cluster.IProviderProbeGrain")]
public interface IProviderProbeGrain : IGrainWithStringKey
{
    [Alias("Save")]
    Task SaveAsync(string note);

    [Alias("Read")]
    Task<ProbeState> ReadAsync();

    [Alias("Remind")]
    Task RemindSoonAsync(TimeSpan dueTime);

    /// <summary>Drops the activation, so the next call reads the state from the database again.</summary>
    [Alias("Deactivate")]
    Task DeactivateAsync();
}
