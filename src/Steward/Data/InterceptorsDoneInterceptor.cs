using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Steward.Data;

// Registered after every other SaveChanges interceptor: turns automatic change detection back on (see
// StewardDbContext.SaveChanges), so EF's own save sees what the interceptors set.
internal sealed class InterceptorsDoneInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        (eventData.Context as StewardDbContext)?.InterceptorsDone();
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        (eventData.Context as StewardDbContext)?.InterceptorsDone();
        return ValueTask.FromResult(result);
    }
}
