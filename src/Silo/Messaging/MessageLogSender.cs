using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Fashionistas.Silo.Messaging;

/// <summary>
/// The built-in sender: "sends" by writing the message into table <c>message_log</c>, with the
/// rendered Spanish text, so development and tests can see exactly what a customer would receive.
/// Payload JSON: <c>{"language","parameters":{...},"text"}</c> (text null for an unknown template
/// or missing parameters).
/// </summary>
public sealed class MessageLogSender(NpgsqlDataSource dataSource, ILogger<MessageLogSender> logger) : IMessageSender
{
    private const string InsertSql =
        "INSERT INTO message_log (channel, recipient, template, payload) VALUES ($1, $2, $3, $4)";

    public async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var channel = MessageChannelNames.Of(message.Channel);
        var parameters = new JsonObject();
        foreach (var (name, value) in message.Parameters)
        {
            parameters[name] = value;
        }

        var payload = new JsonObject
        {
            ["language"] = message.Language,
            ["parameters"] = parameters,
            ["text"] = MessageTemplates.TryRender(message.TemplateName, message.Parameters, out var text) ? text : null,
        };

        try
        {
            await using var command = dataSource.CreateCommand(InsertSql);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = channel });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = message.Recipient });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = message.TemplateName });
            command.Parameters.Add(new NpgsqlParameter<string>
            {
                TypedValue = payload.ToJsonString(),
                NpgsqlDbType = NpgsqlDbType.Jsonb,
            });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (NpgsqlException exception)
        {
            throw new MessageDeliveryException(
                "Could not write the message to message_log.", exception.IsTransient, exception);
        }

        logger.LogInformation(
            "Logged {Channel} message {Template} for {Recipient}", channel, message.TemplateName, message.Recipient);
    }
}
