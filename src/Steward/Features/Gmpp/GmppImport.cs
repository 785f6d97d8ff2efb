using System.Security.Cryptography;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure;

namespace Steward.Features.Gmpp;

// Moves a department in from its published GMPP files: each file is one snapshot date's data. Every
// project is matched to a unit (by GMPP id, by a name an earlier file gave it, or by a unit's name, which
// the person confirms) or created under the portfolio or programme they choose; every value that could
// not be read is reported by file, project and field. Nothing is written on a dry run, while anything
// refuses the file, or until the person confirms name matches and values kept as text; then the whole
// file is written in one transaction, and a file imported again changes nothing.
public sealed class GmppImport(StewardDbContext db, AccessPolicy access, UnitService unitService, UnitQueries unitQueries, UnitPaths paths, IOptions<ImportLimits> limits)
{
    public const long MaxFileBytes = 50L * 1024 * 1024;

    public async Task<GmppImportReport> ImportAsync(Stream input, GmppImportRequest request, CancellationToken ct = default)
    {
        if (request.AsAt is { } given && !GmppSnapshotDates.IsSnapshotDate(given))
        {
            throw Invalid("asAt", $"{given:dd/MM/yyyy} is not a GMPP snapshot date: choose 31 March or 30 September");
        }

        var bytes = await ReadAllAsync(input, ct);
        var file = GmppFileReader.Read(new MemoryStream(bytes, writable: false), limits.Value.Spreadsheets);
        var asAt = request.AsAt ?? GmppSnapshotDates.Infer(file)
            ?? throw Invalid("asAt", $"{request.FileName} does not say the date its data stands at (no year column, no financial year in its headings): give the snapshot date");
        var scale = GmppSnapshotDates.ScaleAt(asAt);
        var readings = file.Projects.Select(p => new GmppProjectReading(request.FileName, p, scale)).ToList();
        foreach (var twice in readings.Where(r => r.Name.Length > 0).GroupBy(r => r.GmppId ?? Key(r.Name)).Where(g => g.Count() > 1))
        {
            foreach (var reading in twice)
            {
                var others = string.Join(", ", twice.Where(o => o != reading).Select(o => $"{o.Where} ({o.Name})"));
                reading.Find(reading.GmppId is null ? GmppField.Name : GmppField.GmppId, reading.GmppId ?? reading.Name,
                    $"{(reading.GmppId is null ? "This name" : "This GMPP id")} is also given to {others}: one project, one {(reading.GmppId is null ? "name" : "id")}", true);
            }
        }

        var matches = await MatchAsync(readings, ct);
        var digest = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var existing = await ExistingAsync(matches.Values.Where(m => m.Unit is not null).Select(m => m.Unit!.Id), asAt, ct);
        var projects = readings.Select(r =>
        {
            var match = matches[r];
            var outcome = match.Unit is not null && existing.TryGetValue(match.Unit.Id, out var snapshot)
                ? Same(snapshot, r, asAt, file.FinancialYear) ? GmppOutcome.Unchanged : GmppOutcome.Changed
                : GmppOutcome.Added;
            return new GmppImportProject(r.Where, r.Name, r.GmppId, match.How, match.Unit?.Code, outcome);
        }).ToList();

        var findings = readings.SelectMany(r => r.Findings).ToList();
        var refused = findings.Any(f => f.Refuses);
        var needsConfirmation = findings.Count > 0 || projects.Any(p => p.Match == GmppMatch.UnitName);
        var write = !refused && !request.DryRun && (request.Confirm || !needsConfirmation);
        if (!refused && !request.DryRun && !write)
        {
            // Each thing to confirm named where it is, as the dry run lists it.
            throw new ValidationException(
            [
                new ValidationFailure("confirm", $"{request.FileName}: {Pending(projects, findings)}; check them in a dry run, then confirm the import"),
                .. projects.Where(p => p.Match == GmppMatch.UnitName).Select(p => new ValidationFailure($"{p.Where} ({p.Name}), {GmppHeadings.Label(GmppField.Name)}", $"Matched by its name to {p.UnitCode}: confirm it is the same project")),
                .. findings.Select(f => new ValidationFailure($"{f.Where} ({f.Project}), {f.Field}", f.Message)),
            ]);
        }

        if (write)
        {
            var created = await WriteAsync(readings, matches, request, asAt, scale, file.FinancialYear, digest, existing, ct);
            projects = [.. projects.Select((p, i) => created.TryGetValue(readings[i], out var code) ? p with { UnitCode = code } : p)];
        }

        var listed = limits.Value.MaxProblemsListed;
        return new GmppImportReport(request.FileName, file.Layout, file.Encoding, asAt, file.FinancialYear, scale, projects, findings.Count,
            findings.Take(listed).ToList(), file.Unrecognised,
            readings.Sum(r => r.Notes.Count(n => n.Kind == GmppNoteKind.Withheld)), readings.Sum(r => r.Notes.Count(n => n.Kind == GmppNoteKind.NotGiven)), refused, needsConfirmation, request.DryRun, write);
    }

    private static string Pending(List<GmppImportProject> projects, List<GmppFinding> findings)
    {
        var parts = new List<string>();
        if (projects.Count(p => p.Match == GmppMatch.UnitName) is > 0 and var byName)
        {
            parts.Add($"{byName} {(byName == 1 ? "project is" : "projects are")} matched to a unit by its name");
        }

        if (findings.Count > 0)
        {
            parts.Add($"{findings.Count} {(findings.Count == 1 ? "value" : "values")} could not be read and will be kept as published text");
        }

        return string.Join(" and ", parts);
    }

    private sealed record Matched(GmppMatch How, UnitLocation? Unit);

    private async Task<Dictionary<GmppProjectReading, Matched>> MatchAsync(List<GmppProjectReading> readings, CancellationToken ct)
    {
        var ids = readings.Where(r => r.GmppId is not null).Select(r => r.GmppId!).Distinct().ToList();
        var byId = await db.GmppMemberships.AsNoTracking().Where(m => m.GmppId != null && ids.Contains(m.GmppId))
            .Select(m => new { m.GmppId, m.UnitId }).ToDictionaryAsync(m => m.GmppId!, m => m.UnitId, ct);
        var published = (await db.GmppSnapshots.AsNoTracking().Select(s => new { s.PublishedName, s.UnitId }).Distinct().ToListAsync(ct))
            .GroupBy(s => Key(s.PublishedName)).ToDictionary(g => g.Key, g => g.Select(s => s.UnitId).Distinct().ToList());
        var names = readings.Select(r => r.Name).Where(n => n.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var named = (await db.Units.AsNoTracking().Where(u => u.Kind != UnitKind.Portfolio && u.Status != UnitStatus.Archived)
                .Select(u => new { u.Id, u.Name }).ToListAsync(ct))
            .Where(u => names.Contains(GmppValues.Tidy(u.Name))).GroupBy(u => Key(u.Name)).ToDictionary(g => g.Key, g => g.Select(u => u.Id).ToList());
        var members = await db.GmppMemberships.AsNoTracking().Where(m => m.GmppId != null).Select(m => new { m.UnitId, m.GmppId }).ToDictionaryAsync(m => m.UnitId, m => m.GmppId!, ct);

        var result = new Dictionary<GmppProjectReading, Matched>();
        var taken = new Dictionary<Guid, GmppProjectReading>();
        foreach (var reading in readings)
        {
            var (how, unitId) = reading.GmppId is { } id && byId.TryGetValue(id, out var held) ? (GmppMatch.GmppId, held)
                : published.TryGetValue(Key(reading.Name), out var earlier) && earlier.Count == 1 ? (GmppMatch.PublishedName, earlier[0])
                : named.TryGetValue(Key(reading.Name), out var same) && same.Count == 1 ? (GmppMatch.UnitName, same[0])
                : (GmppMatch.New, Guid.Empty);
            if (how == GmppMatch.New && named.TryGetValue(Key(reading.Name), out var several) && several.Count > 1)
            {
                reading.Find(GmppField.Name, reading.Name, $"{several.Count} units are named '{reading.Name}', so it will be a new unit; to import it into one of them, record its GMPP id on that unit first", false);
            }

            UnitLocation? unit = null;
            if (how != GmppMatch.New && (await paths.FindAsync(db, unitId.ToString(), ct) is not { } found || !await access.CanAsync(PmoArea.Reporting, PmoAction.Read, found.Path, ct)))
            {
                // Nothing about a unit the person may not see is given away: a name leads to a new unit, and an
                // id (one unit's only) stops the file.
                if (how == GmppMatch.GmppId)
                {
                    reading.Find(GmppField.GmppId, reading.GmppId, "This GMPP id belongs to a unit you may not see: ask someone who can read its reporting to import this file", true);
                }

                how = GmppMatch.New;
            }

            if (how != GmppMatch.GmppId && how != GmppMatch.New && reading.GmppId is { } fileId && members.TryGetValue(unitId, out var other) && other != fileId)
            {
                reading.Find(GmppField.GmppId, fileId, $"Matched by name to a unit whose GMPP id is {other}, not {fileId}", true);
            }

            if (how != GmppMatch.New)
            {
                unit = await unitQueries.LocateAsync(unitId.ToString(), ct);
                if (taken.TryGetValue(unitId, out var first))
                {
                    reading.Find(GmppField.Name, reading.Name, $"Matched to {unit.Code}, as {first.Where} ({first.Name}) is: two projects of one file cannot be one unit", true);
                }

                taken[unitId] = reading;
            }

            result[reading] = new Matched(how, unit);
        }

        return result;
    }

    private async Task<Dictionary<Guid, GmppSnapshot>> ExistingAsync(IEnumerable<Guid> unitIds, DateOnly asAt, CancellationToken ct)
    {
        var ids = unitIds.Distinct().ToList();
        return await db.GmppSnapshots.Where(s => ids.Contains(s.UnitId) && s.AsAt == asAt && s.Source == GmppSource.Published).ToDictionaryAsync(s => s.UnitId, ct);
    }

    // Writes the file's snapshots, and answers the codes of the units it created.
    private async Task<Dictionary<GmppProjectReading, string>> WriteAsync(
        List<GmppProjectReading> readings, Dictionary<GmppProjectReading, Matched> matches, GmppImportRequest request, DateOnly asAt, Reporting.DcaScale scale,
        string? financialYear, string digest, Dictionary<Guid, GmppSnapshot> existing, CancellationToken ct)
    {
        foreach (var unit in matches.Values.Where(m => m.Unit is not null).Select(m => m.Unit!).DistinctBy(u => u.Id))
        {
            await access.DemandAsync(PmoArea.Reporting, PmoAction.Contribute, unit.Path, $"import GMPP data into {unit.Code}", ct);
        }

        UnitView? under = null;
        if (matches.Values.Any(m => m.How == GmppMatch.New))
        {
            under = request.Under is { Length: > 0 } code ? await unitQueries.FindAsync(code, ct) : null;
            if (under is null || under.Kind == UnitKind.Project)
            {
                throw Invalid("under", request.Under is { Length: > 0 }
                    ? $"{request.Under} is not a portfolio or programme you can see: choose where the {matches.Values.Count(m => m.How == GmppMatch.New)} new projects go"
                    : $"Choose the portfolio or programme the {matches.Values.Count(m => m.How == GmppMatch.New)} projects no unit holds yet go under");
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var codes = under is null ? [] : (await db.Units.AsNoTracking().Select(u => u.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var matchedIds = matches.Values.Where(v => v.Unit != null).Select(v => v.Unit!.Id).ToList();
        var memberships = await db.GmppMemberships.Where(m => matchedIds.Contains(m.UnitId)).ToDictionaryAsync(m => m.UnitId, ct);
        var newest = await db.GmppSnapshots.Where(s => matchedIds.Contains(s.UnitId)).GroupBy(s => s.UnitId).Select(g => new { g.Key, AsAt = g.Max(s => s.AsAt) }).ToDictionaryAsync(g => g.Key, g => g.AsAt, ct);
        var created = new Dictionary<GmppProjectReading, string>();
        foreach (var reading in readings)
        {
            var match = matches[reading];
            var unitId = match.Unit?.Id ?? Guid.Empty;
            if (match.Unit is null)
            {
                var unit = await CreateUnitAsync(reading, under!, codes, ct);
                (unitId, created[reading]) = (unit.Id, unit.Code);
            }

            if (!memberships.TryGetValue(unitId, out var membership))
            {
                membership = new GmppMembership { Id = Guid.CreateVersion7(), UnitId = unitId };
                db.GmppMemberships.Add(membership);
                memberships[unitId] = membership;
            }

            membership.GmppId ??= reading.GmppId;
            // The newest file says which department returns the project and in which category; an older one only fills gaps.
            var latest = !newest.TryGetValue(unitId, out var newestAsAt) || asAt >= newestAsAt;
            membership.Category = latest ? reading.Category ?? membership.Category : membership.Category ?? reading.Category;
            membership.Department = latest ? reading.Department ?? membership.Department : membership.Department ?? reading.Department;
            membership.Joined ??= GmppSnapshotDates.JoinedFrom(reading.GmppId);

            if (!existing.TryGetValue(unitId, out var snapshot))
            {
                snapshot = new GmppSnapshot { Id = Guid.CreateVersion7(), UnitId = unitId, AsAt = asAt, Source = GmppSource.Published, PublishedName = reading.Name };
                db.GmppSnapshots.Add(snapshot);
            }
            else if (Same(snapshot, reading, asAt, financialYear))
            {
                continue;
            }

            Fill(snapshot, reading, scale, financialYear, digest);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return created;
    }

    private async Task<DeliveryUnit> CreateUnitAsync(GmppProjectReading reading, UnitView under, HashSet<string> codes, CancellationToken ct)
    {
        var code = CodeFor(reading, codes);
        codes.Add(code);
        var name = reading.Name.Length <= DeliveryUnit.NameMaxLength ? reading.Name : reading.Name[..(DeliveryUnit.NameMaxLength - 3)] + "...";
        var description = reading.Description is { } d && !GmppValues.IsExemption(d) ? (d.Length <= DeliveryUnit.TextMaxLength ? d : d[..(DeliveryUnit.TextMaxLength - 3)] + "...") : null;
        return await unitService.CreateAsync(new CreateUnit(code, name, UnitKind.Project, under.Id, Description: description,
            BaselineStart: reading.Start, BaselineEnd: reading.Start is null || reading.End >= reading.Start ? reading.End : null), ct);
    }

    // The GMPP id as a unit code (MOD_0106_1617-Q1 becomes MOD-0106-1617-Q1); without one, GMPP-DEPT-001.
    private static string CodeFor(GmppProjectReading reading, HashSet<string> codes)
    {
        if (reading.GmppId is { } id)
        {
            var fromId = string.Join('-', new string([.. id.ToUpperInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ')]).Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (fromId.Length is > 0 and <= DeliveryUnit.CodeMaxLength && !codes.Contains(fromId))
            {
                return fromId;
            }
        }

        var department = new string((reading.Department ?? "X").Where(char.IsAsciiLetterOrDigit).Take(8).ToArray());
        for (var n = 1; ; n++)
        {
            var code = $"GMPP-{(department.Length > 0 ? department : "X")}-{n:000}";
            if (!codes.Contains(code))
            {
                return code;
            }
        }
    }

    private static void Fill(GmppSnapshot s, GmppProjectReading r, Reporting.DcaScale scale, string? financialYear, string digest)
    {
        s.PublishedName = r.Name;
        s.PublishedDepartment = r.PublishedDepartment;
        s.PublishedCategory = r.PublishedCategory;
        s.FinancialYear = financialYear;
        s.Description = r.Description;
        s.DcaScale = scale;
        s.IpaDca = r.IpaDca;
        s.SroDca = r.SroDca;
        s.DcaCommentary = r.DcaCommentary;
        s.Start = r.Start;
        s.End = r.End;
        s.ScheduleNarrative = r.ScheduleNarrative;
        s.YearBaseline = r.YearBaseline;
        s.YearForecast = r.YearForecast;
        s.YearVariancePercent = r.YearVariancePercent;
        s.VarianceNarrative = r.VarianceNarrative;
        s.WholeLifeCost = r.WholeLifeCost;
        s.WholeLifeCostLow = r.WholeLifeCostLow;
        s.WholeLifeCostHigh = r.WholeLifeCostHigh;
        s.WholeLifeCostNarrative = r.WholeLifeCostNarrative;
        s.Benefits = r.Benefits;
        s.BenefitsNarrative = r.BenefitsNarrative;
        s.FieldNotes = GmppFieldNotes.Write(r.Notes);
        s.FileDigest = digest;
    }

    // Whether importing the reading would change the snapshot: the same file again, or another file with the same data, does not.
    private static bool Same(GmppSnapshot s, GmppProjectReading r, DateOnly asAt, string? financialYear) =>
        s.AsAt == asAt && s.PublishedName == r.Name && s.PublishedDepartment == r.PublishedDepartment && s.PublishedCategory == r.PublishedCategory
        && s.FinancialYear == financialYear && s.Description == r.Description && s.IpaDca == r.IpaDca && s.SroDca == r.SroDca
        && s.DcaCommentary == r.DcaCommentary && s.Start == r.Start && s.End == r.End && s.ScheduleNarrative == r.ScheduleNarrative
        && s.YearBaseline == r.YearBaseline && s.YearForecast == r.YearForecast && s.YearVariancePercent == r.YearVariancePercent
        && s.VarianceNarrative == r.VarianceNarrative && s.WholeLifeCost == r.WholeLifeCost && s.WholeLifeCostLow == r.WholeLifeCostLow
        && s.WholeLifeCostHigh == r.WholeLifeCostHigh && s.WholeLifeCostNarrative == r.WholeLifeCostNarrative && s.Benefits == r.Benefits
        && s.BenefitsNarrative == r.BenefitsNarrative && s.FieldNotes == GmppFieldNotes.Write(r.Notes);

    private static string Key(string name) => GmppValues.Tidy(name).ToLowerInvariant();

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);

    private static async Task<byte[]> ReadAllAsync(Stream input, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes)
            {
                throw Invalid("file", $"The file is larger than {MaxFileBytes / (1024 * 1024)} MB");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
