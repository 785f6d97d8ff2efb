namespace Steward.Features.Jobs;

// What another service tells administrators on the jobs page about its background work (mail is off;
// people who cannot be e-mailed), registered by that service's module.
public interface IJobsPageNotice
{
    Task<IReadOnlyList<string>> NoticesAsync(CancellationToken ct);
}
