using System.CommandLine;
using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Steward.Cli;
using Steward.Data;

namespace Steward.Features.Raid.Cli;

// steward raid bulk: the register's bulk change from the command line (a weekly RAID review scripted):
// reassign, set a date, or close (validate, for assumptions) with one reason; all or none.
internal static class RaidBulkCommand
{
    private static readonly Option<string> Unit = new("--unit") { Description = "The unit's code or id; the entries are in its register or below it.", Required = true };
    private static readonly Option<string> Type = new("--type") { Description = "risks (the default), issues, assumptions or dependencies.", DefaultValueFactory = _ => "risks" };
    private static readonly Option<string> Action = new("--action")
    {
        Description = "risks: reassign, review or close; issues: reassign, target or close; assumptions: reassign, due or validate; dependencies: reassign, needed or deliver.", Required = true,
    };

    private static readonly Option<string[]> References = new("--reference") { Description = "An entry's reference (R-0042); repeat it, or separate several with commas.", Required = true, AllowMultipleArgumentsPerToken = true };
    private static readonly Option<string?> Owner = new("--owner") { Description = "For reassign: the new owner's e-mail address." };
    private static readonly Option<string?> Date = new("--date") { Description = "For review, target, due or needed: the date, as YYYY-MM-DD." };
    private static readonly Option<string?> Reason = new("--reason") { Description = "For close, validate or deliver: why, kept with each entry." };

    public static Command Create()
    {
        var command = new Command("bulk", "Reassign, re-date, or close (validate, deliver) several risks, issues, assumptions or dependencies at once; if any cannot be changed, none is.")
        {
            Unit, Type, Action, References, Owner, Date, Reason,
        };
        command.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var unit = parse.GetValue(Unit)!;
            var action = parse.GetValue(Action)!.Trim().ToLowerInvariant();
            var references = parse.GetValue(References)!.SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            var owner = await OwnerAsync(services.GetRequiredService<StewardDbContext>(), parse.GetValue(Owner), ct);
            var date = ParseDate(parse.GetValue(Date));
            var reason = parse.GetValue(Reason);
            var type = parse.GetValue(Type)?.Trim().ToLowerInvariant();
            IReadOnlyList<string> changed;
            try
            {
                changed = type switch
                {
                    "risks" => await services.GetRequiredService<RiskBulkChange>().ApplyAsync(unit, new RiskBulkInput(references, action, owner, date, reason), ct),
                    "issues" => await services.GetRequiredService<IssueBulkChange>().ApplyAsync(unit, new IssueBulkInput(references, action, owner, date, reason), ct),
                    "assumptions" => await services.GetRequiredService<AssumptionBulkChange>().ApplyAsync(unit, new AssumptionBulkInput(references, action, owner, date, reason), ct),
                    "dependencies" => await services.GetRequiredService<DependencyBulkChange>().ApplyAsync(unit, new DependencyBulkInput(references, action, owner, date, reason), ct),
                    _ => throw new ValidationException([new ValidationFailure("--type", "must be risks, issues, assumptions or dependencies")]),
                };
            }
            catch (ValidationException invalid)
            {
                // The services name the API's fields; say them as this command's options.
                throw new ValidationException(invalid.Errors.Select(e => new ValidationFailure(OptionFor(e.PropertyName), e.ErrorMessage)));
            }

            Console.WriteLine($"Changed {changed.Count} {type}: {string.Join(", ", changed)}.");
            return StewardCommandLine.Success;
        }));
        return command;
    }

    private static string OptionFor(string field) => field switch
    {
        "references" => "--reference",
        "ownerId" => "--owner",
        "nextReviewDate" or "targetResolutionDate" or "validationDue" or "neededBy" => "--date",
        "action" or "reason" => "--" + field,
        _ => field,
    };

    private static async Task<Guid?> OwnerAsync(StewardDbContext db, string? email, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var normalised = email.Trim().ToLowerInvariant();
        return await db.People.Where(p => p.Email.ToLower() == normalised).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct)
            ?? throw new ValidationException([new ValidationFailure("--owner", $"no person has the e-mail address {email.Trim()}")]);
    }

    private static DateOnly? ParseDate(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new ValidationException([new ValidationFailure("--date", $"must be a date as YYYY-MM-DD, not {text}")]);
}
