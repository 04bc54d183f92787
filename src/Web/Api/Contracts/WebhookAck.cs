namespace Fashionistas.Web.Api.Contracts;

/// <summary>The acknowledgement of a verified webhook: outcome is applied, duplicate or ignored.</summary>
public sealed record WebhookAck(bool Received, string Outcome);
