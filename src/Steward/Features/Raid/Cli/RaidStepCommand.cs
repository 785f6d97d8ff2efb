using System.CommandLine;
using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Steward.Cli;

namespace Steward.Features.Raid.Cli;

// steward raid step and steward raid review: one entry's status step (close, realise, reopen, validate,
// invalidate, deliver, break), with its reason, and a risk's review, as the entry's page and the API take
// them. The register that owns the entry checks the step, the right it needs and the entry's state.
internal static class RaidStepCommand
{
    private static readonly Option<string> Unit = new("--unit") { Description = "The unit's code or id; the entry is in its register or below it.", Required = true };
    private static readonly Option<string> Reference = new("--reference") { Description = "The entry's reference: R-0042, I-0007, A-0003 or D-0012.", Required = true };

    public static Command Step()
    {
        var step = new Option<string>("--step")
        {
            Description = "risks: close, realise or reopen; issues: close or reopen; assumptions: validate, invalidate or reopen; dependencies: deliver, break or reopen.",
            Required = true,
        };
        var reason = new Option<string?>("--reason") { Description = "Why (or what happened, how it was confirmed, what was delivered): kept with the entry and in its history." };
        var raise = new Option<string?>("--raise") { Description = "For invalidate: issue, risk or nothing (the default), raised on the same unit and linked." };
        var command = new Command("step", "Take a status step on one RAID entry, with its reason.") { Unit, Reference, step, reason, raise };
        command.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var (reference, slug, why) = (parse.GetValue(Reference)!.Trim().ToUpperInvariant(), parse.GetValue(step)!.Trim().ToLowerInvariant(), parse.GetValue(reason));
            var unit = await services.GetRequiredService<RaidQueries>().RequireReadableUnitAsync(parse.GetValue(Unit)!, ct);
            var done = await AsOptionsAsync(async () => (reference[..Math.Min(2, reference.Length)], slug) switch
            {
                ("R-", "close") => await Risk(services, unit, reference, (r, id, v) => r.CloseAsync(id, v, why, ct), "closed", ct),
                ("R-", "reopen") => await Risk(services, unit, reference, (r, id, v) => r.ReopenAsync(id, v, why, ct), "reopened", ct),
                ("R-", "realise") => await RealiseAsync(services, unit, reference, why, ct),
                ("I-", "close") => await Issue(services, unit, reference, (r, id, v) => r.CloseAsync(id, v, why, ct), "closed", ct),
                ("I-", "reopen") => await Issue(services, unit, reference, (r, id, v) => r.ReopenAsync(id, v, why, ct), "reopened", ct),
                ("A-", "validate") => await Assumption(services, unit, reference, (r, id, v) => r.ValidateAsync(id, v, why, ct), "marked validated", ct),
                ("A-", "reopen") => await Assumption(services, unit, reference, (r, id, v) => r.ReopenAsync(id, v, why, ct), "reopened", ct),
                ("A-", "invalidate") => await InvalidateAsync(services, unit, reference, parse.GetValue(raise), why, ct),
                ("D-", "deliver") => await Dependency(services, unit, reference, (r, id, v) => r.DeliverAsync(id, v, why, ct), "marked delivered", ct),
                ("D-", "break") => await Dependency(services, unit, reference, (r, id, v) => r.BreakAsync(id, v, why, ct), "marked broken", ct),
                ("D-", "reopen") => await Dependency(services, unit, reference, (r, id, v) => r.ReopenAsync(id, v, why, ct), "reopened", ct),
                ("R-" or "I-" or "A-" or "D-", _) => throw new ValidationException([new ValidationFailure("--step", $"{reference} has no step {slug}; {StepsFor(reference)}")]),
                _ => throw new ValidationException([new ValidationFailure("--reference", $"{reference} is not a RAID reference (R-0042, I-0007, A-0003 or D-0012)")]),
            });
            Console.WriteLine(done + ".");
            return StewardCommandLine.Success;
        }));
        return command;
    }

    public static Command Review()
    {
        var comment = new Option<string?>("--comment") { Description = "What the review found; kept, dated and signed, in the risk's review log.", Required = true };
        var next = new Option<string?>("--next") { Description = "When it is next to be reviewed, as YYYY-MM-DD." };
        var command = new Command("review", "Record a RAID review of one risk: a dated comment and its next review date, without editing the rest of it.") { Unit, Reference, comment, next };
        command.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var reference = parse.GetValue(Reference)!.Trim().ToUpperInvariant();
            var nextText = parse.GetValue(next);
            DateOnly? nextReview = string.IsNullOrWhiteSpace(nextText) ? null
                : DateOnly.TryParseExact(nextText.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
                : throw new ValidationException([new ValidationFailure("--next", $"must be a date as YYYY-MM-DD, not {nextText}")]);
            var unit = await services.GetRequiredService<RaidQueries>().RequireReadableUnitAsync(parse.GetValue(Unit)!, ct);
            var done = await AsOptionsAsync(() => Risk(services, unit, reference,
                (r, id, v) => r.ReviewAsync(id, v, new RiskReviewInput(parse.GetValue(comment), nextReview), ct),
                nextReview is { } due ? $"reviewed; next review {due:yyyy-MM-dd}" : "reviewed", ct));
            Console.WriteLine(done + ".");
            return StewardCommandLine.Success;
        }));
        return command;
    }

    private static async Task<string> Risk(IServiceProvider services, Units.IUnitLocation unit, string reference, Func<RiskRegister, Guid, int, Task> step, string done, CancellationToken ct)
    {
        var risk = await services.GetRequiredService<RiskQueries>().RiskAsync(unit, reference, ct);
        await step(services.GetRequiredService<RiskRegister>(), risk.Id, risk.Version);
        return $"{risk.Reference} {done}";
    }

    private static async Task<string> RealiseAsync(IServiceProvider services, Units.IUnitLocation unit, string reference, string? why, CancellationToken ct)
    {
        var risk = await services.GetRequiredService<RiskQueries>().RiskAsync(unit, reference, ct);
        var issue = await services.GetRequiredService<RiskRegister>().RealiseAsync(risk.Id, risk.Version, why, ct);
        return $"{risk.Reference} realised; issue {issue.Reference} raised";
    }

    private static async Task<string> Issue(IServiceProvider services, Units.IUnitLocation unit, string reference, Func<IssueRegister, Guid, int, Task> step, string done, CancellationToken ct)
    {
        var issue = await services.GetRequiredService<IssueQueries>().IssueAsync(unit, reference, ct);
        await step(services.GetRequiredService<IssueRegister>(), issue.Id, issue.Version);
        return $"{issue.Reference} {done}";
    }

    private static async Task<string> Assumption(IServiceProvider services, Units.IUnitLocation unit, string reference, Func<AssumptionRegister, Guid, int, Task> step, string done, CancellationToken ct)
    {
        var assumption = await services.GetRequiredService<AssumptionQueries>().AssumptionAsync(unit, reference, ct);
        await step(services.GetRequiredService<AssumptionRegister>(), assumption.Id, assumption.Version);
        return $"{assumption.Reference} {done}";
    }

    private static async Task<string> InvalidateAsync(IServiceProvider services, Units.IUnitLocation unit, string reference, string? raise, string? why, CancellationToken ct)
    {
        var assumption = await services.GetRequiredService<AssumptionQueries>().AssumptionAsync(unit, reference, ct);
        var (_, followUp) = await services.GetRequiredService<AssumptionRegister>().InvalidateAsync(assumption.Id, assumption.Version, raise, why, ct);
        return followUp is null ? $"{assumption.Reference} marked invalid" : $"{assumption.Reference} marked invalid; {followUp.Reference} raised";
    }

    private static async Task<string> Dependency(IServiceProvider services, Units.IUnitLocation unit, string reference, Func<DependencyRegister, Guid, int, Task> step, string done, CancellationToken ct)
    {
        var dependency = await services.GetRequiredService<DependencyQueries>().DependencyAsync(unit, reference, ct);
        await step(services.GetRequiredService<DependencyRegister>(), dependency.Id, dependency.Version);
        return $"{dependency.Reference} {done}";
    }

    private static string StepsFor(string reference) => "it takes " + string.Join(", ", RaidStatusSteps.Of(reference[..2] switch
    {
        "R-" => "risks",
        "I-" => "issues",
        "A-" => "assumptions",
        _ => "dependencies",
    }).Select(s => s.Slug));

    // The registers name the API's fields; say them as this command's options.
    private static async Task<string> AsOptionsAsync(Func<Task<string>> run)
    {
        try
        {
            return await run();
        }
        catch (ValidationException invalid)
        {
            throw new ValidationException(invalid.Errors.Select(e => new ValidationFailure(e.PropertyName switch
            {
                "reason" or "raise" or "comment" => "--" + e.PropertyName,
                "nextReviewDate" => "--next",
                _ => e.PropertyName,
            }, e.ErrorMessage)));
        }
    }
}
