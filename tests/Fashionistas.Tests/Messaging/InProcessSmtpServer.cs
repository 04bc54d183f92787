using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Fashionistas.Tests.Messaging;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a loopback port, keeping every message it accepts. Mail to an address
/// containing <see cref="RefusedMarker"/> is refused with 554, as a server refuses a mailbox for good.
/// </summary>
public sealed class InProcessSmtpServer : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    private InProcessSmtpServer(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(Messages));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public const string RefusedMarker = "+refused";

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Messages { get; } = new();

    public static InProcessSmtpServer Start()
    {
        // SmtpServer cannot report a port the OS chose, so take a free one and hand it over at once.
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new InProcessSmtpServer(port);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _server.Shutdown();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopping is what we asked for.
        }

        _stop.Dispose();
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> messages) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            SmtpServer.ISessionContext context, SmtpServer.IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            if (transaction.To.Any(to => to.User.Contains(RefusedMarker, StringComparison.Ordinal)))
            {
                return new SmtpResponse(SmtpReplyCode.TransactionFailed, "mailbox refused for good");
            }

            using var stream = new MemoryStream(buffer.ToArray());
            messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
