using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Gmpp;

// What the API and the page send to mark a unit as on the GMPP. Left blank, a date is not set.
public sealed record GmppMembershipInput(string? GmppId, string? Category, string? Department, DateOnly? Joined, DateOnly? Left);

// The narratives for the next return, and the fields withheld: field (whole-life-cost) to exemption (section-43).
public sealed record GmppNarrativesInput(
    string? DcaCommentary, string? ScheduleNarrative, string? VarianceNarrative, string? WholeLifeCostNarrative, string? BenefitsNarrative,
    IReadOnlyDictionary<string, string>? Withheld);

// Marks a unit as on the GMPP, or changes its entry: approve in reporting, If-Match once it has one.
public sealed partial class GmppMembershipService(StewardDbContext db, RegisterUnits units)
{
    public const string Register = "GMPP entry";

    [GeneratedRegex(@"^[A-Z0-9][A-Z0-9_\-]*$")]
    private static partial Regex IdPattern();

    public async Task SetNarrativesAsync(string unitKey, int? expectedVersion, GmppNarrativesInput input, CancellationToken ct = default)
    {
        var unit = await units.ChangeableAsync(PmoArea.Reporting, PmoAction.Contribute, unitKey, RecordChange.Amend, "write the GMPP narratives of", Register, ct);
        var failures = new List<ValidationFailure>();
        string? Text(string field, string? text)
        {
            var trimmed = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
            if (trimmed?.Length > GmppSnapshot.TextMaxLength)
            {
                failures.Add(new ValidationFailure(field, $"The narrative must be {GmppSnapshot.TextMaxLength:N0} characters or fewer"));
            }

            return trimmed;
        }

        var narratives = (Text("dcaCommentary", input.DcaCommentary), Text("scheduleNarrative", input.ScheduleNarrative), Text("varianceNarrative", input.VarianceNarrative),
            Text("wholeLifeCostNarrative", input.WholeLifeCostNarrative), Text("benefitsNarrative", input.BenefitsNarrative));
        var withheld = new List<GmppWithheldField>();
        foreach (var (fieldText, exemption) in input.Withheld ?? new Dictionary<string, string>())
        {
            var field = GmppExemptions.Withholdable.Cast<GmppField?>().FirstOrDefault(f => EnumText.Of(f!.Value) == fieldText);
            var wording = GmppExemptions.WordingOf(exemption);
            if (field is null)
            {
                failures.Add(new ValidationFailure($"withheld[{fieldText}]", $"'{fieldText}' is not a field of the return that may be withheld: {string.Join(", ", GmppExemptions.Withholdable.Select(f => EnumText.Of(f)))}"));
            }
            else if (wording is null)
            {
                failures.Add(new ValidationFailure($"withheld[{fieldText}]", $"Choose the exemption it is withheld under: {string.Join(", ", GmppExemptions.Known.Select(k => k.Key))}"));
            }
            else
            {
                withheld.Add(new GmppWithheldField(field.Value, wording));
            }
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        var membership = await LoadAsync(unit, expectedVersion, ct)
            ?? throw new ValidationException([new ValidationFailure("unit", $"{unit.Code} is not marked as on the GMPP: record its GMPP entry first")]);

        (membership.DcaCommentary, membership.ScheduleNarrative, membership.VarianceNarrative, membership.WholeLifeCostNarrative, membership.BenefitsNarrative) = narratives;
        membership.Withheld = GmppExemptions.Write(withheld);
        await SaveAsync(unit, expectedVersion, ct);
    }

    // The unit's entry for changing, or null if it has none; once it has one, the caller must say which version it changes.
    private async Task<GmppMembership?> LoadAsync(RegisterUnit unit, int? expectedVersion, CancellationToken ct)
    {
        var membership = await db.GmppMemberships.FirstOrDefaultAsync(m => m.UnitId == unit.Id, ct);
        if (membership is not null && expectedVersion is null)
        {
            throw new PreconditionRequiredException();
        }

        if (membership is not null && membership.Version != expectedVersion)
        {
            throw new StaleVersionException($"the GMPP entry of {unit.Code}", expectedVersion!.Value, membership.Version);
        }

        return membership;
    }

    private async Task SaveAsync(RegisterUnit unit, int? expectedVersion, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new StaleVersionException($"the GMPP entry of {unit.Code}", expectedVersion ?? 0, (expectedVersion ?? 0) + 1);
        }
    }

    public async Task SetAsync(string unitKey, int? expectedVersion, GmppMembershipInput input, CancellationToken ct = default)
    {
        var unit = await units.ChangeableAsync(PmoArea.Reporting, PmoAction.Approve, unitKey, RecordChange.Amend, "record the GMPP entry of", Register, ct);
        var failures = new List<ValidationFailure>();
        var id = string.IsNullOrWhiteSpace(input.GmppId) ? null : input.GmppId.Trim().ToUpperInvariant();
        if (id is not null && (id.Length > GmppMembership.GmppIdMaxLength || !IdPattern().IsMatch(id)))
        {
            failures.Add(new ValidationFailure("gmppId", $"Enter the GMPP id as published, such as DFT_0048_2021-Q3 (letters, numbers, _ and -, at most {GmppMembership.GmppIdMaxLength})"));
        }
        else if (id is not null && await db.GmppMemberships.AnyAsync(m => m.GmppId == id && m.UnitId != unit.Id, ct))
        {
            var holder = await db.GmppMemberships.Where(m => m.GmppId == id).Select(m => m.Unit!.Code).FirstAsync(ct);
            failures.Add(new ValidationFailure("gmppId", $"{id} is already the GMPP id of {holder}"));
        }

        GmppCategory? category = null;
        if (!string.IsNullOrWhiteSpace(input.Category))
        {
            category = GmppValues.Category(input.Category) ?? (Enum.TryParse<GmppCategory>(input.Category.Replace("-", string.Empty, StringComparison.Ordinal), true, out var parsed) ? parsed : null);
            if (category is null)
            {
                failures.Add(new ValidationFailure("category", $"Choose an annual report category: {string.Join(", ", Enum.GetValues<GmppCategory>().Select(GmppValues.CategoryLabel))}"));
            }
        }

        string? department = null;
        if (!string.IsNullOrWhiteSpace(input.Department))
        {
            (department, var problem) = GmppDepartments.Read(input.Department);
            if (problem is not null)
            {
                failures.Add(new ValidationFailure("department", $"{problem}: enter the lead department's code, such as DFT"));
            }
        }

        if ((input.Joined ?? GmppSnapshotDates.JoinedFrom(id)) is { } joined && input.Left is { } left && left < joined)
        {
            failures.Add(new ValidationFailure("left", "The date it left the GMPP must be the same as or after the date it joined"));
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        var membership = await LoadAsync(unit, expectedVersion, ct);
        if (membership is null)
        {
            membership = new GmppMembership { Id = Guid.CreateVersion7(), UnitId = unit.Id };
            db.GmppMemberships.Add(membership);
        }

        // Left blank, it joined in the quarter its id names (DFT_0048_2021-Q3: October 2020).
        (membership.GmppId, membership.Category, membership.Department, membership.Joined, membership.Left) = (id, category, department, input.Joined ?? GmppSnapshotDates.JoinedFrom(id), input.Left);
        try
        {
            await SaveAsync(unit, expectedVersion, ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            throw new ValidationException([new ValidationFailure("gmppId", $"{id} is already the GMPP id of another unit")]);
        }
    }
}
