using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.WaitingRoom;

/// <summary>
/// The server with waiting rooms that tick every 50 ms and trust a measured rate after half a second, so a queue of
/// thousands is admitted within seconds at a high configured rate. <see cref="ConnectionString"/> and
/// <see cref="SigningKey"/> let a second server take over the same database and accept the same tokens (a restart).
/// </summary>
public class WaitingRoomApiFactory : ApiFactory
{
    public string? ConnectionString { get; init; }

    public string SigningKey { get; init; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));

    protected override IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            var settings = new Dictionary<string, string?>
            {
                ["WaitingRoom:AdmissionTick"] = "00:00:00.050",
                ["WaitingRoom:MinimumRateHistory"] = "00:00:00.500",
                ["WaitingRoom:RateWindow"] = "00:00:10",
                ["Auth:SigningKey"] = SigningKey,
            };
            if (ConnectionString is not null)
            {
                settings["ConnectionStrings:Postgres"] = ConnectionString;
            }

            return settings;
        }
    }
}
