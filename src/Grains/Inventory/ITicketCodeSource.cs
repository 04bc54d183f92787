namespace Fashionistas.Grains.Inventory;

/// <summary>
/// Makes the unguessable code of a new ticket (what its QR carries). The silo supplies the one format
/// the door scanner and QR renderer read; grains only ask for codes.
/// </summary>
public interface ITicketCodeSource
{
    /// <summary>A new code with at least 128 random bits, URL-safe. Thread-safe.</summary>
    string NewCode();
}
