namespace Steward.Infrastructure.Modules;

// Work a module does in the background on a schedule (Features/Jobs runs it): Key names it in the job
// store, on the jobs page and in the API, so it must never change once released. JobType is a
// Features.Jobs.RecordedJob, which records every run.
public sealed record BackgroundJob(string Key, string Title, string Purpose, Type JobType, TimeSpan Every);
