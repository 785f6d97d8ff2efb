namespace Steward.Features.Jobs;

// What another service tells administrators on the jobs page about its background work (mail is off;
// people who cannot be e-mailed), registered by that service's module; with a link to that service's own
// page where there is more to see or do.
public interface IJobsPageNotice
{
    Task<IReadOnlyList<JobsPageNotice>> NoticesAsync(CancellationToken ct);
}

public sealed record JobsPageNotice(string Text, string? LinkText = null, string? Link = null);
