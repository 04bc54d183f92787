namespace Fashionistas.Silo.Persistence;

/// <summary>Work that runs once at start-up after migrations (admin account, demo data), in registration order.</summary>
public interface IDatabaseInitializer
{
    Task InitializeAsync(CancellationToken cancellationToken);
}
