namespace Fashionistas.Silo.Payments;

/// <summary>Configuration section <c>Payments:Test</c> for the built-in test provider.</summary>
public sealed class TestPaymentOptions
{
    /// <summary>Decline every payment (default false): for rehearsing the failure path end to end.</summary>
    public bool DeclineAll { get; set; }

    /// <summary>
    /// A buyer e-mail containing this text (case-insensitive) is declined, so one test can fail a
    /// single purchase without reconfiguring the server. Default <c>+decline</c>, as in
    /// <c>ana+decline@example.com</c>.
    /// </summary>
    public string DeclineEmailMarker { get; set; } = "+decline";
}
