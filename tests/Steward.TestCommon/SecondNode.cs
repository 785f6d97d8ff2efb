using Steward.Data;

namespace Steward.Tests.Infrastructure;

// A second host on the first one's database: a second web node behind a load balancer, with nothing in
// memory that the first node kept.
public sealed class SecondNode(StewardApp first) : StewardApp
{
    public override DatabaseProvider Provider => first.Provider;

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(first.ConnectionString);

    protected override Task DropDatabaseAsync(string connectionString) => Task.CompletedTask;

    public async Task StartAsync() => await InitializeAsync();
}
