namespace Fashionistas.Silo.Persistence;

/// <summary>
/// Instants read with Dapper: Npgsql hands a <c>timestamptz</c> column over as a UTC <see cref="DateTime"/>, which Dapper
/// cannot put into a <see cref="DateTimeOffset"/> member; rows read it as DateTime and turn it into an instant here.
/// </summary>
public static class StoredTime
{
    public static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public static DateTimeOffset? Utc(DateTime? value) => value is { } instant ? Utc(instant) : null;
}
