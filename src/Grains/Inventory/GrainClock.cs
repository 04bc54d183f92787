namespace Fashionistas.Grains.Inventory;

/// <summary>
/// The key of the clock the inventory grains read (<c>[FromKeyedServices(GrainClock.Key)] TimeProvider</c>). Nothing is
/// registered under it in production, so Orleans resolves it to the silo's own clock; tests register a manual clock under
/// it to move holds past their deadlines without moving the clock Orleans itself runs on (timeouts, membership).
/// </summary>
public static class GrainClock
{
    public const string Key = "Fashionistas.GrainClock";
}
