namespace Fashionistas.Silo.Seed;

/// <summary>Section <c>Fashionistas:DemoData</c>.</summary>
public sealed class DemoDataOptions
{
    public const string Section = "Fashionistas:DemoData";

    /// <summary>Seed a published, on-sale fashion show with a few tiers into an empty database (default true).</summary>
    public bool Enabled { get; set; } = true;
}
