using Microsoft.AspNetCore.Hosting;
using MimeKit;
using netDumbster.smtp;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Notifications;

// A real SMTP server on this machine that the test host sends its mail to, and reads back what it received.
public sealed class TestMailServer : IDisposable
{
    private SimpleSmtpServer _server = SimpleSmtpServer.Start(FreePort());

    public int Port => _server.Configuration.Port;

    public IReadOnlyList<MimeMessage> Received => _server.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m.Data)))).ToList();

    public IReadOnlyList<MimeMessage> To(string address) => Received.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    // Gone, as a mail server that is down: connections are refused until Start.
    public void Stop() => _server.Stop();

    public void Start()
    {
        var port = Port;
        _server.Dispose();
        _server = SimpleSmtpServer.Start(port);
    }

    public void Dispose() => _server.Dispose();

    public static void Configure(IWebHostBuilder builder, int port)
    {
        builder.UseSetting("Mail:Host", "127.0.0.1");
        builder.UseSetting("Mail:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:Security", "none");
        builder.UseSetting("Mail:From", "steward@steward.test");
        builder.UseSetting("Mail:SiteAddress", "https://steward.test");
        builder.UseSetting("Mail:TimeoutSeconds", "5");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public interface IMailingApp
{
    TestMailServer Mail { get; }
}

public sealed class SqliteMailApp : SqliteApp, IMailingApp
{
    public TestMailServer Mail { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        TestMailServer.Configure(builder, Mail.Port);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Mail.Dispose();
    }
}

public sealed class PostgresMailApp : PostgresApp, IMailingApp
{
    public TestMailServer Mail { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        TestMailServer.Configure(builder, Mail.Port);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Mail.Dispose();
    }
}
