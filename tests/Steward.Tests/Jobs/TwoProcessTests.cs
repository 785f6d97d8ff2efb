using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.Jobs;
using Steward.Features.Notifications;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Jobs;

// Two real `steward serve` processes on one PostgreSQL database, as two machines behind a load balancer:
// a job due every second runs once per firing across both, never on both at once; and when the process
// running a job is killed mid-run, the other runs it again, once, and the dead run is marked abandoned.
[Collection(ClusterTimingCollection.Name)]
public sealed class TwoProcessJobsOnPostgres(PostgresApp app) : IClassFixture<PostgresApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task JobsRunOnceAcrossTwoProcesses_AndAKilledProcessesJobIsRunAgainByTheOther()
    {
        Assert.SkipWhen(app.SkipReason is not null, app.SkipReason ?? string.Empty);
        // A mail server that accepts connections and never answers: the delivery job waits on it, mid-run.
        using var silent = new SilentMailServer();
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<StewardDbContext>();
            var person = await app.CreatePersonAsync("Pat Kumar");
            var inbox = new InboxMessage { PersonId = person.Id, Kind = "digest", Subject = "Waiting", Text = "Waiting", Items = "[]", CreatedAt = DateTime.UtcNow };
            db.OutgoingEmails.Add(new OutgoingEmail
            {
                PersonId = person.Id, Address = "pat.kumar@steward.test", Subject = "Waiting", Text = "Waiting", Html = "<p>Waiting</p>", Kinds = "action",
                CreatedAt = DateTime.UtcNow, NextAttemptAt = DateTime.UtcNow.AddMinutes(-1), InboxMessage = inbox,
            });
            return await db.SaveChangesAsync(Ct);
        });

        await using var first = await ServeProcess.StartAsync(app.ConnectionString, silent.Port);
        await using var second = await ServeProcess.StartAsync(app.ConnectionString, silent.Port);
        var nodes = new Dictionary<string, ServeProcess>();
        foreach (var process in new[] { first, second })
        {
            var board = await (await process.Api(app.AdministratorToken).GetAsync("/api/v1/jobs", Ct)).ReadAsync<JobBoardView>();
            Assert.True(board.Clustered);
            nodes[JobScheduling.NodeName(board.Node)] = process;
        }

        Assert.Equal(2, nodes.Count);

        // Due every second for ten seconds on two processes: about ten runs, not twice that, never two at once.
        var from = DateTime.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(10), Ct);
        var reminders = await RunsAsync("work-reminders");
        var inWindow = reminders.Count(r => r.StartedAt >= from && r.StartedAt < from.AddSeconds(10));
        Assert.True(inWindow is >= 3 and <= 12, Describe(reminders));
        for (var i = 1; i < reminders.Count; i++)
        {
            Assert.True(reminders[i].StartedAt >= reminders[i - 1].FinishedAt, Describe(reminders));
        }

        // Delivery, asked for once, starts on one process and waits on the silent server; that process is killed.
        Assert.Equal(HttpStatusCode.Accepted, (await first.Api(app.AdministratorToken).PostAsync("/api/v1/jobs/email-delivery/run", null, Ct)).StatusCode);
        var running = await WaitForAsync(async () => (await RunsAsync("email-delivery", finished: false)).FirstOrDefault(r => r.Outcome == JobOutcome.Running), "a delivery run to start");
        var doomed = nodes[running.Node];
        var survivor = nodes.Single(n => n.Value != doomed).Key;
        doomed.Kill();

        // The survivor notices the dead process, runs the job again, once, and marks the dead run abandoned.
        var recovered = await WaitForAsync(async () => (await RunsAsync("email-delivery")).FirstOrDefault(r => r.Node == survivor), "the other process to run delivery again", TimeSpan.FromSeconds(90));
        var all = await RunsAsync("email-delivery", finished: false);
        Assert.Equal(2, all.Count);
        Assert.Equal(JobOutcome.Abandoned, all.Single(r => r.Id == running.Id).Outcome);
        Assert.Equal(JobOutcome.Succeeded, recovered.Outcome);
        Assert.Contains("to retry", recovered.Summary, StringComparison.Ordinal);
    }

    private static string Describe(IEnumerable<JobRun> runs) => string.Join("\n", runs.Select(r => $"{r.Id} {r.Node} {r.StartedAt:HH:mm:ss.fff}-{r.FinishedAt:HH:mm:ss.fff} {r.Outcome} {r.StartedBy}"));

    private Task<List<JobRun>> RunsAsync(string job, bool finished = true) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<StewardDbContext>().JobRuns.AsNoTracking().Where(r => r.Job == job && (!finished || r.Outcome != JobOutcome.Running))
            .OrderBy(r => r.StartedAt).ThenBy(r => r.Id).ToListAsync(Ct));

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? within = null)
    {
        var until = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < until)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(250, Ct);
        }

        throw new TimeoutException($"Waited in vain for {what}");
    }
}

// One `steward serve` process with its scheduler on: reminders every second, delivery only when asked.
internal sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _log = new();

    private ServeProcess(Process process, string address)
    {
        _process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => Log(e.Data);
        process.ErrorDataReceived += (_, e) => Log(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Address { get; }

    public static async Task<ServeProcess> StartAsync(string database, int mailPort)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var address = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "steward.dll"), "serve", "--database", database, "--urls", address })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("STEWARD_DATABASE");
        start.Environment["STEWARD_JOBS__ENABLED"] = "true";
        start.Environment["STEWARD_JOBS__EVERYSECONDS__work-reminders"] = "1";
        start.Environment["STEWARD_JOBS__EVERYSECONDS__email-delivery"] = "3600";
        start.Environment["STEWARD_JOBS__EVERYSECONDS__news"] = "3600";
        start.Environment["STEWARD_MAIL__HOST"] = "127.0.0.1";
        start.Environment["STEWARD_MAIL__PORT"] = mailPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["STEWARD_MAIL__SECURITY"] = "none";
        start.Environment["STEWARD_MAIL__FROM"] = "steward@steward.test";
        start.Environment["STEWARD_MAIL__SITEADDRESS"] = "https://steward.test";
        start.Environment["STEWARD_MAIL__TIMEOUTSECONDS"] = "20";
        var serving = new ServeProcess(Process.Start(start)!, address);
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        for (var tries = 0; tries < 240; tries++)
        {
            if (serving._process.HasExited)
            {
                throw new InvalidOperationException($"steward serve stopped: {serving.Output}");
            }

            try
            {
                if ((await http.GetAsync("/health/ready", TestContext.Current.CancellationToken)).IsSuccessStatusCode)
                {
                    return serving;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        await serving.DisposeAsync();
        throw new TimeoutException($"steward serve was not ready within a minute: {serving.Output}");
    }

    public string Output
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public HttpClient Api(string token)
    {
        var client = new HttpClient { BaseAddress = new Uri(Address) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    // As a machine lost: no shutdown, no goodbye to the cluster.
    public void Kill() => _process.Kill(entireProcessTree: true);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Log(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }
}

// Accepts SMTP connections and never says a word, as a mail server that has hung.
internal sealed class SilentMailServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<Socket> _held = [];
    private readonly CancellationTokenSource _stop = new();

    public SilentMailServer()
    {
        _listener.Start();
        _ = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    var socket = await _listener.AcceptSocketAsync(_stop.Token);
                    lock (_held)
                    {
                        _held.Add(socket);
                    }
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    return;
                }
            }
        });
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_held)
        {
            _held.ForEach(s => s.Dispose());
        }

        _stop.Dispose();
    }
}
