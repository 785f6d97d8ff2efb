using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Infrastructure;
using Steward.Infrastructure.Spreadsheets;

namespace Steward.Features.Raid;

// Each unit's RAID log: /api/v1/units/{unit}/risks and /issues. Lists roll up everything below the unit;
// an item is addressed under the unit whose log holds it (/units/DPP-PRJ-001/risks/R-0042).
public static class RaidApi
{
    public static void MapRaidApi(this IEndpointRouteBuilder api)
    {
        var raid = api.MapGroup("/units/{unit}").WithTags("RAID")
            .ProducesRecordProblems();

        raid.MapGet("/risks", ListRisks).Requires(PmoArea.Raid, PmoAction.Read).WithSummary("The risk register of a unit and everything below it")
            .WithDescription("Filter by status (open, closed, realised or all; default open), owner (person id), minScore, likelihood, impact, overdueReview=true, escalated=true (escalated to this unit) and q (text in the title); sort by score (default, highest first), reference, next-review or updated; page with limit (1-500, default 50) and cursor.");
        raid.MapGet("/risks/export", ExportRisks).Requires(PmoArea.Raid, PmoAction.Read)
            .WithSummary("The risk register as a spreadsheet (format=xlsx, the default, or csv): every field of every risk the list's filters match, in its order");
        foreach (var register in RaidImportKind.Registers)
        {
            raid.MapPost($"/{register}/import", (string unit, HttpContext http, RaidImport import, string? defaultOwner, bool? dryRun, CancellationToken ct) =>
                    ImportAsync(RaidImportKind.For(register)!, unit, http, import, defaultOwner, dryRun, ct))
                .Requires(PmoArea.Raid, PmoAction.Contribute)
                .WithMetadata(new RequestBodyLimit.AcceptsFilesAttribute(RaidImport.MaxFileBytes))
                .WithSummary($"Import {register} from an .xlsx or .csv file, all rows or none")
                .WithDescription("Send the file as the body (or as 'file' in a multipart form). Headings are recognised wherever they sit in the first 20 rows; map[Heading]=field overrides one (a field of the export, or '-' to leave a column out). defaultOwner (an e-mail) fills rows with no owner. dryRun=true checks and previews without writing. Any bad row: 400 listing every problem by row and column, nothing written.");
        }

        raid.MapGet("/risks/heat-map", HeatMap).Requires(PmoArea.Raid, PmoAction.Read).WithSummary("Risks counted by likelihood × impact, under the register's filters");
        raid.MapPost("/risks", RaiseRisk).Requires(PmoArea.Raid, PmoAction.Contribute).WithSummary("Raise a risk on this unit");
        raid.MapGet("/risks/{reference}", GetRisk).Requires(PmoArea.Raid, PmoAction.Read).WithName("GetRisk").WithSummary("One risk, by reference (R-0042)");
        raid.MapPut("/risks/{reference}", UpdateRisk).Requires(PmoArea.Raid, PmoAction.Contribute).WithSummary("Replace a risk's editable fields (If-Match required)");
        raid.MapPost("/risks/{reference}/close", CloseRisk).Requires(PmoArea.Raid, PmoAction.Approve).WithSummary("Close a risk (If-Match required)");
        raid.MapPost("/risks/{reference}/realise", RealiseRisk).Requires(PmoArea.Raid, PmoAction.Approve).WithSummary("The risk has happened: close it as realised and raise the linked issue (If-Match required)");
        raid.MapPost("/risks/{reference}/escalate", EscalateRisk).Requires(PmoArea.Raid, PmoAction.Contribute).WithSummary("Escalate a risk one level up the tree, with a reason (If-Match required)");
        raid.MapPost("/risks/{reference}/de-escalate", DeEscalateRisk).Requires(PmoArea.Raid, PmoAction.Approve).WithSummary("Hand a risk back one level down, with a reason; needs approve where it is held now (If-Match required)");
        raid.MapGet("/risks/{reference}/history", RiskHistory).Requires(PmoArea.Raid, PmoAction.Read).WithSummary("The risk's change history, newest first");

        raid.MapGet("/dependencies", ListDependencies).Requires(PmoArea.Raid, PmoAction.Read).WithSummary("Dependencies of a unit and everything below it, on either side")
            .WithDescription("direction=needs (what these units need), provides (what they provide to others) or both (default); status (proposed, agreed, at-risk, delivered, broken or all; default: open ones), late=true (committed after needed), escalated=true; limit and cursor.");
        raid.MapGet("/dependencies/export", ExportDependencies).Requires(PmoArea.Raid, PmoAction.Read)
            .WithSummary("Dependencies as a spreadsheet (format=xlsx or csv), under the list's filters");
        raid.MapPost("/dependencies", RaiseDependency).Requires(PmoArea.Raid, PmoAction.Contribute).WithSummary("Record what this unit needs from another unit or an outside party");
        raid.MapGet("/dependencies/{reference}", GetDependency).Requires(PmoArea.Raid, PmoAction.Read).WithName("GetDependency").WithSummary("One dependency, by reference (D-0003)");
        raid.MapPut("/dependencies/{reference}", UpdateDependency).Requires(PmoArea.Raid, PmoAction.Contribute).WithSummary("Replace a dependency's fields, status included (If-Match required)");
        raid.MapPost("/dependencies/{reference}/escalate", EscalateDependency).Requires(PmoArea.Raid, PmoAction.Contribute).WithSummary("Escalate a dependency one level up, with a reason (If-Match required)");
        raid.MapPost("/dependencies/{reference}/de-escalate", DeEscalateDependency).Requires(PmoArea.Raid, PmoAction.Approve).WithSummary("Hand a dependency back one level down, with a reason (If-Match required)");
        raid.MapGet("/dependencies/{reference}/history", DependencyHistory).Requires(PmoArea.Raid, PmoAction.Read).WithSummary("The dependency's change history, newest first");
        raid.MapGet("/assumptions", ListAssumptions).Requires(PmoArea.Raid, PmoAction.Read).WithSummary("Assumptions of a unit and everything below it")
            .WithDescription("status (unvalidated, the default, validated, invalid or all), overdue=true (validation due date passed); limit and cursor.");
        raid.MapGet("/assumptions/export", ExportAssumptions).Requires(PmoArea.Raid, PmoAction.Read)
            .WithSummary("Assumptions as a spreadsheet (format=xlsx or csv), under the list's filters");
        raid.MapPost("/assumptions", RaiseAssumption).Requires(PmoArea.Raid, PmoAction.Contribute).WithSummary("Record an assumption of this unit");
        raid.MapGet("/assumptions/{reference}", GetAssumption).Requires(PmoArea.Raid, PmoAction.Read).WithName("GetAssumption").WithSummary("One assumption, by reference (A-0005)");
        raid.MapPut("/assumptions/{reference}", UpdateAssumption).Requires(PmoArea.Raid, PmoAction.Contribute).WithSummary("Replace an assumption's fields (If-Match required)");
        raid.MapPost("/assumptions/{reference}/validate", ValidateAssumption).Requires(PmoArea.Raid, PmoAction.Contribute).WithSummary("Mark an assumption validated (If-Match required)");
        raid.MapPost("/assumptions/{reference}/invalidate", InvalidateAssumption).Requires(PmoArea.Raid, PmoAction.Contribute)
            .WithSummary("Mark an assumption invalid, and raise the linked issue or risk ({ \"raise\": \"issue\" | \"risk\" }) in the same step (If-Match required)");
        raid.MapPost("/assumptions/{reference}/escalate", EscalateAssumption).Requires(PmoArea.Raid, PmoAction.Contribute).WithSummary("Escalate an assumption one level up, with a reason (If-Match required)");
        raid.MapPost("/assumptions/{reference}/de-escalate", DeEscalateAssumption).Requires(PmoArea.Raid, PmoAction.Approve).WithSummary("Hand an assumption back one level down, with a reason (If-Match required)");
        raid.MapGet("/assumptions/{reference}/history", AssumptionHistory).Requires(PmoArea.Raid, PmoAction.Read).WithSummary("The assumption's change history, newest first");
        raid.MapGet("/risk-scale", GetRiskScale).Requires(PmoArea.Raid, PmoAction.Read)
            .WithSummary("The names and definitions of the five likelihood and impact levels that apply here, and the portfolio that set them (null: Steward's own)");
        raid.MapPut("/risk-scale", SetRiskScale).Requires(PmoArea.Raid, PmoAction.Approve)
            .WithSummary("Set a portfolio's likelihood and impact levels (five each, lowest first: name and definition); everything below uses them. If-Match required once set.");
        raid.MapDelete("/risk-scale", ClearRiskScale).Requires(PmoArea.Raid, PmoAction.Approve).WithSummary("Return a portfolio to Steward's own level names (If-Match required once set)");
        raid.MapGet("/raid-tolerances", GetTolerances).Requires(PmoArea.Raid, PmoAction.Read).WithSummary("The unit's RAID tolerances: its own, and those that apply (inherited from above where it sets none)");
        raid.MapPut("/raid-tolerances", SetTolerances).Requires(PmoArea.Raid, PmoAction.Approve)
            .WithSummary("Set the unit's RAID tolerances (riskScore 1-25, issuePriority); null inherits. Items below are escalated again at once. If-Match required once set.");
        raid.MapGet("/issues", ListIssues).Requires(PmoArea.Raid, PmoAction.Read).WithSummary("The issue register of a unit and everything below it")
            .WithDescription("Filter by status (open, resolved, closed or all; default open), owner, priority, overdue=true, escalated=true (escalated to this unit) and q; sort by priority (default), reference, target-resolution or updated; page with limit and cursor.");
        raid.MapGet("/issues/export", ExportIssues).Requires(PmoArea.Raid, PmoAction.Read)
            .WithSummary("The issue register as a spreadsheet (format=xlsx or csv), under the list's filters");
        raid.MapPost("/issues", RaiseIssue).Requires(PmoArea.Raid, PmoAction.Contribute).WithSummary("Raise an issue on this unit");
        raid.MapGet("/issues/{reference}", GetIssue).Requires(PmoArea.Raid, PmoAction.Read).WithName("GetIssue").WithSummary("One issue, by reference (I-0007)");
        raid.MapPut("/issues/{reference}", UpdateIssue).Requires(PmoArea.Raid, PmoAction.Contribute).WithSummary("Replace an issue's editable fields (If-Match required)");
        raid.MapPost("/issues/{reference}/close", CloseIssue).Requires(PmoArea.Raid, PmoAction.Approve).WithSummary("Close a resolved issue (If-Match required)");
        raid.MapPost("/issues/{reference}/escalate", EscalateIssue).Requires(PmoArea.Raid, PmoAction.Contribute).WithSummary("Escalate an issue one level up the tree, with a reason (If-Match required)");
        raid.MapPost("/issues/{reference}/de-escalate", DeEscalateIssue).Requires(PmoArea.Raid, PmoAction.Approve).WithSummary("Hand an issue back one level down, with a reason; needs approve where it is held now (If-Match required)");
        raid.MapGet("/issues/{reference}/history", IssueHistory).Requires(PmoArea.Raid, PmoAction.Read).WithSummary("The issue's change history, newest first");
    }

    private static async Task<Ok<CursorPage<RiskSummary>>> ListRisks(
        string unit, RaidQueries queries, string? status, Guid? owner, int? minScore, int? likelihood, int? impact, bool? overdueReview, bool? escalated, string? q,
        string? sort, int? limit, string? cursor, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        var filter = RiskFilterFrom(status, owner, minScore, likelihood, impact, overdueReview, q) with { Escalated = escalated == true };
        var order = EnumText.ParseOptional<RiskSort>("sort", sort) ?? RiskSort.Score;
        return TypedResults.Ok(await queries.RisksAsync(found, filter, order, new RegisterPage(limit ?? 50, cursor), ct));
    }

    private static async Task<IResult> ImportAsync(RaidImportKind kind, string unit, HttpContext http, RaidImport import, string? defaultOwner, bool? dryRun, CancellationToken ct)
    {
        var mapping = http.Request.Query.Where(q => q.Key.StartsWith("map[", StringComparison.Ordinal) && q.Key.EndsWith(']'))
            .ToDictionary(q => q.Key[4..^1], q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        await using var file = await ApiFiles.ReadAsync(http, ct);
        ImportReport report;
        try
        {
            report = await import.ImportAsync(kind, unit, file, mapping, defaultOwner, dryRun == true, ct: ct);
        }
        catch (UnreadableSpreadsheetException unreadable)
        {
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("file", unreadable.Message)]);
        }

        if (report.ProblemCount == 0)
        {
            return TypedResults.Ok(report);
        }

        // Every problem, keyed by where it is, and the whole report beside them.
        var errors = report.Problems.GroupBy(p => p.Row == 0 ? p.Column : $"row {p.Row}, {p.Column}")
            .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
        return TypedResults.ValidationProblem(errors, detail: report.ProblemCount > report.Problems.Count
            ? $"{report.ProblemCount} problems, the first {report.Problems.Count} listed; nothing was imported." : $"{report.ProblemCount} problems; nothing was imported.", extensions: new Dictionary<string, object?> { ["report"] = report });
    }

    private static async Task<IResult> ExportRisks(
        string unit, RaidQueries queries, TimeProvider clock, string? format, string? status, Guid? owner, int? minScore, int? likelihood, int? impact,
        bool? overdueReview, bool? escalated, string? q, string? sort, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        var spreadsheet = SpreadsheetFormats.Parse("format", format);
        var filter = RiskFilterFrom(status, owner, minScore, likelihood, impact, overdueReview, q) with { Escalated = escalated == true };
        var rows = await queries.RiskRowsAsync(found, filter, EnumText.ParseOptional<RiskSort>("sort", sort) ?? RiskSort.Score, ct);
        return await SpreadsheetDownload.FileAsync(found.Code, "risks", "Risks", spreadsheet, RaidSpreadsheets.RiskColumns, rows, clock, ct);
    }

    private static async Task<IResult> ExportIssues(
        string unit, RaidQueries queries, TimeProvider clock, string? format, string? status, Guid? owner, string? priority, bool? overdue, bool? escalated,
        string? q, string? sort, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        var spreadsheet = SpreadsheetFormats.Parse("format", format);
        var rows = await queries.IssueRowsAsync(found, IssueFilterFrom(status, owner, priority, overdue, escalated, q),
            EnumText.ParseOptional<IssueSort>("sort", sort) ?? IssueSort.Priority, ct);
        return await SpreadsheetDownload.FileAsync(found.Code, "issues", "Issues", spreadsheet, RaidSpreadsheets.IssueColumns, rows, clock, ct);
    }

    public static IssueFilter IssueFilterFrom(string? status, Guid? owner, string? priority, bool? overdue, bool? escalated, string? q)
    {
        var all = string.Equals(status?.Trim(), "all", StringComparison.OrdinalIgnoreCase);
        return new IssueFilter(
            Status: all ? null : EnumText.ParseOptional<IssueStatus>("status", status) ?? IssueStatus.Open,
            AllStatuses: all,
            OwnerId: owner,
            Priority: EnumText.ParseOptional<IssuePriority>("priority", priority),
            Overdue: overdue == true,
            Text: q,
            Escalated: escalated == true);
    }

    private static async Task<Ok<HeatMap>> HeatMap(
        string unit, RaidQueries queries, string? status, Guid? owner, int? minScore, bool? overdueReview, string? q, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        return TypedResults.Ok(await queries.HeatMapAsync(found, RiskFilterFrom(status, owner, minScore, null, null, overdueReview, q), ct));
    }

    public static RiskFilter RiskFilterFrom(string? status, Guid? owner, int? minScore, int? likelihood, int? impact, bool? overdueReview, string? q)
    {
        var all = string.Equals(status?.Trim(), "all", StringComparison.OrdinalIgnoreCase);
        foreach (var (field, value) in new[] { ("likelihood", likelihood), ("impact", impact) })
        {
            if (value is < RaidRules.ScaleMin or > RaidRules.ScaleMax)
            {
                throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure(field, $"{field} must be from 1 to 5")]);
            }
        }

        return new RiskFilter(
            Status: all ? null : EnumText.ParseOptional<RiskStatus>("status", status) ?? RiskStatus.Open,
            AllStatuses: all,
            OwnerId: owner,
            MinScore: minScore,
            Likelihood: likelihood,
            Impact: impact,
            OverdueReview: overdueReview == true,
            Text: q);
    }

    private static async Task<CreatedAtRoute<RiskView>> RaiseRisk(string unit, RiskInput input, RaidService service, RaidQueries queries, HttpContext http, CancellationToken ct)
    {
        var risk = await service.RaiseRiskAsync(unit, input, ct);
        var found = await queries.RequireReadableUnitAsync(risk.UnitId.ToString(), ct);
        var view = await queries.RiskAsync(found, risk.Reference, ct);
        EntityTag.Write(http, view.Version);
        return TypedResults.CreatedAtRoute(view, "GetRisk", new { unit = found.Code, reference = view.Reference });
    }

    private static async Task<Ok<RiskView>> GetRisk(string unit, string reference, RaidQueries queries, HttpContext http, CancellationToken ct)
    {
        var view = await queries.RiskAsync(await queries.RequireReadableUnitAsync(unit, ct), reference, ct);
        EntityTag.Write(http, view.Version);
        return TypedResults.Ok(view);
    }

    private static Task<Ok<RiskView>> UpdateRisk(string unit, string reference, RiskInput input, RaidService service, RaidQueries queries, HttpContext http, CancellationToken ct) =>
        ChangeRisk(unit, reference, queries, http, (id, version) => service.UpdateRiskAsync(id, version, input, ct), ct);

    private static Task<Ok<RiskView>> CloseRisk(string unit, string reference, RaidService service, RaidQueries queries, HttpContext http, CancellationToken ct) =>
        ChangeRisk(unit, reference, queries, http, (id, version) => service.CloseRiskAsync(id, version, ct), ct);

    private static async Task<CreatedAtRoute<IssueView>> RealiseRisk(string unit, string reference, RaidService service, RaidQueries queries, HttpContext http, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        var risk = await queries.RiskAsync(found, reference, ct);
        var issue = await service.RealiseRiskAsync(risk.Id, EntityTag.RequireIfMatch(http), ct);
        var view = await queries.IssueAsync(found, issue.Reference, ct);
        EntityTag.Write(http, view.Version);
        return TypedResults.CreatedAtRoute(view, "GetIssue", new { unit = found.Code, reference = view.Reference });
    }

    private static async Task<Ok<CursorPage<HistoryEntry>>> RiskHistory(string unit, string reference, RaidQueries queries, HistoryQueries history, int? limit, string? cursor, CancellationToken ct)
    {
        var risk = await queries.RiskAsync(await queries.RequireReadableUnitAsync(unit, ct), reference, ct);
        return TypedResults.Ok(await history.ListAsync(new HistoryFilter(RecordId: risk.Id, Limit: limit ?? 50, Before: HistoryQueries.ParseCursor(cursor)), ct));
    }

    private static Task<Ok<RiskView>> EscalateRisk(string unit, string reference, EscalationInput input, RaidService service, RaidQueries queries, HttpContext http, CancellationToken ct) =>
        ChangeRisk(unit, reference, queries, http, (id, version) => service.EscalateRiskAsync(id, version, input.Reason, ct), ct);

    private static Task<Ok<RiskView>> DeEscalateRisk(string unit, string reference, EscalationInput input, RaidService service, RaidQueries queries, HttpContext http, CancellationToken ct) =>
        ChangeRisk(unit, reference, queries, http, (id, version) => service.DeEscalateRiskAsync(id, version, input.Reason, ct), ct);

    private static Task<Ok<IssueView>> EscalateIssue(string unit, string reference, EscalationInput input, RaidService service, RaidQueries queries, HttpContext http, CancellationToken ct) =>
        ChangeIssue(unit, reference, queries, http, (id, version) => service.EscalateIssueAsync(id, version, input.Reason, ct), ct);

    private static Task<Ok<IssueView>> DeEscalateIssue(string unit, string reference, EscalationInput input, RaidService service, RaidQueries queries, HttpContext http, CancellationToken ct) =>
        ChangeIssue(unit, reference, queries, http, (id, version) => service.DeEscalateIssueAsync(id, version, input.Reason, ct), ct);

    private static async Task<Ok<RiskScaleView>> GetRiskScale(string unit, RaidQueries queries, RiskScales scales, HttpContext http, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        var view = await scales.EffectiveAsync(found.Path, ct);
        if (view.SetOn?.Id == found.Id && view.Version is { } version)
        {
            EntityTag.Write(http, version);
        }

        return TypedResults.Ok(view);
    }

    private static async Task<Ok<RiskScaleView>> SetRiskScale(string unit, RiskScaleInput input, RaidQueries queries, RiskScales scales, HttpContext http, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        int? expected = http.Request.Headers.IfMatch.Count > 0 ? EntityTag.RequireIfMatch(http) : null;
        var view = await scales.SetAsync(found.Id.ToString(), expected, input, ct);
        EntityTag.Write(http, view.Version!.Value);
        return TypedResults.Ok(view);
    }

    private static async Task<NoContent> ClearRiskScale(string unit, RaidQueries queries, RiskScales scales, HttpContext http, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        int? expected = http.Request.Headers.IfMatch.Count > 0 ? EntityTag.RequireIfMatch(http) : null;
        await scales.ClearAsync(found.Id.ToString(), expected, ct);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> ExportDependencies(
        string unit, RaidQueries queries, TimeProvider clock, string? format, string? direction, string? status, bool? late, bool? escalated, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        var spreadsheet = SpreadsheetFormats.Parse("format", format);
        var rows = await queries.DependencyRowsAsync(found, DependencyFilterFrom(direction, status, late, escalated), ct);
        return await SpreadsheetDownload.FileAsync(found.Code, "dependencies", "Dependencies", spreadsheet, RaidSpreadsheets.DependencyColumns, rows, clock, ct);
    }

    private static async Task<IResult> ExportAssumptions(string unit, RaidQueries queries, TimeProvider clock, string? format, string? status, bool? overdue, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        var spreadsheet = SpreadsheetFormats.Parse("format", format);
        var all = string.Equals(status?.Trim(), "all", StringComparison.OrdinalIgnoreCase);
        var rows = await queries.AssumptionRowsAsync(found, all ? null : EnumText.ParseOptional<AssumptionStatus>("status", status), all, overdue == true, ct);
        return await SpreadsheetDownload.FileAsync(found.Code, "assumptions", "Assumptions", spreadsheet, RaidSpreadsheets.AssumptionColumns, rows, clock, ct);
    }

    private static async Task<Ok<CursorPage<DependencyView>>> ListDependencies(
        string unit, RaidQueries queries, string? direction, string? status, bool? late, bool? escalated, int? limit, string? cursor, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        var filter = DependencyFilterFrom(direction, status, late, escalated);
        return TypedResults.Ok(await queries.DependenciesAsync(found, filter, new RegisterPage(limit ?? 50, cursor), ct));
    }

    public static DependencyFilter DependencyFilterFrom(string? direction, string? status, bool? late, bool? escalated)
    {
        var all = string.Equals(status?.Trim(), "all", StringComparison.OrdinalIgnoreCase);
        return new DependencyFilter(
            Status: all ? null : EnumText.ParseOptional<DependencyStatus>("status", status),
            OpenOnly: !all,
            Late: late == true,
            Direction: direction?.Trim().ToLowerInvariant() ?? "both",
            Escalated: escalated == true);
    }

    private static async Task<CreatedAtRoute<DependencyView>> RaiseDependency(string unit, DependencyInput input, RaidService service, RaidQueries queries, HttpContext http, CancellationToken ct)
    {
        var dependency = await service.RaiseDependencyAsync(unit, input, ct);
        var found = await queries.RequireReadableUnitAsync(dependency.UnitId.ToString(), ct);
        var view = await queries.DependencyAsync(found, dependency.Reference, ct);
        EntityTag.Write(http, view.Version);
        return TypedResults.CreatedAtRoute(view, "GetDependency", new { unit = found.Code, reference = view.Reference });
    }

    private static async Task<Ok<DependencyView>> GetDependency(string unit, string reference, RaidQueries queries, HttpContext http, CancellationToken ct)
    {
        var view = await queries.DependencyAsync(await queries.RequireReadableUnitAsync(unit, ct), reference, ct);
        EntityTag.Write(http, view.Version);
        return TypedResults.Ok(view);
    }

    private static Task<Ok<DependencyView>> UpdateDependency(string unit, string reference, DependencyInput input, RaidService service, RaidQueries queries, HttpContext http, CancellationToken ct) =>
        ChangeDependency(unit, reference, queries, http, (id, version) => service.UpdateDependencyAsync(id, version, input, ct), ct);

    private static Task<Ok<DependencyView>> EscalateDependency(string unit, string reference, EscalationInput input, RaidService service, RaidQueries queries, HttpContext http, CancellationToken ct) =>
        ChangeDependency(unit, reference, queries, http, (id, version) => service.EscalateDependencyAsync(id, version, input.Reason, ct), ct);

    private static Task<Ok<DependencyView>> DeEscalateDependency(string unit, string reference, EscalationInput input, RaidService service, RaidQueries queries, HttpContext http, CancellationToken ct) =>
        ChangeDependency(unit, reference, queries, http, (id, version) => service.DeEscalateDependencyAsync(id, version, input.Reason, ct), ct);

    private static async Task<Ok<CursorPage<HistoryEntry>>> DependencyHistory(string unit, string reference, RaidQueries queries, HistoryQueries history, int? limit, string? cursor, CancellationToken ct)
    {
        var dependency = await queries.DependencyAsync(await queries.RequireReadableUnitAsync(unit, ct), reference, ct);
        return TypedResults.Ok(await history.ListAsync(new HistoryFilter(RecordId: dependency.Id, Limit: limit ?? 50, Before: HistoryQueries.ParseCursor(cursor)), ct));
    }

    private static async Task<Ok<DependencyView>> ChangeDependency(string unit, string reference, RaidQueries queries, HttpContext http, Func<Guid, int, Task<Dependency>> change, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        var current = await queries.DependencyAsync(found, reference, ct);
        await change(current.Id, EntityTag.RequireIfMatch(http));
        var view = await queries.DependencyAsync(found, reference, ct);
        EntityTag.Write(http, view.Version);
        return TypedResults.Ok(view);
    }

    private static async Task<Ok<CursorPage<AssumptionView>>> ListAssumptions(
        string unit, RaidQueries queries, string? status, bool? overdue, int? limit, string? cursor, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        var all = string.Equals(status?.Trim(), "all", StringComparison.OrdinalIgnoreCase);
        return TypedResults.Ok(await queries.AssumptionsAsync(found, all ? null : EnumText.ParseOptional<AssumptionStatus>("status", status), all, overdue == true,
            new RegisterPage(limit ?? 50, cursor), ct));
    }

    private static async Task<CreatedAtRoute<AssumptionView>> RaiseAssumption(string unit, AssumptionInput input, RaidService service, RaidQueries queries, HttpContext http, CancellationToken ct)
    {
        var assumption = await service.RaiseAssumptionAsync(unit, input, ct);
        var found = await queries.RequireReadableUnitAsync(assumption.UnitId.ToString(), ct);
        var view = await queries.AssumptionAsync(found, assumption.Reference, ct);
        EntityTag.Write(http, view.Version);
        return TypedResults.CreatedAtRoute(view, "GetAssumption", new { unit = found.Code, reference = view.Reference });
    }

    private static async Task<Ok<AssumptionView>> GetAssumption(string unit, string reference, RaidQueries queries, HttpContext http, CancellationToken ct)
    {
        var view = await queries.AssumptionAsync(await queries.RequireReadableUnitAsync(unit, ct), reference, ct);
        EntityTag.Write(http, view.Version);
        return TypedResults.Ok(view);
    }

    private static Task<Ok<AssumptionView>> UpdateAssumption(string unit, string reference, AssumptionInput input, RaidService service, RaidQueries queries, HttpContext http, CancellationToken ct) =>
        ChangeAssumption(unit, reference, queries, http, (id, version) => service.UpdateAssumptionAsync(id, version, input, ct), ct);

    private static Task<Ok<AssumptionView>> ValidateAssumption(string unit, string reference, RaidService service, RaidQueries queries, HttpContext http, CancellationToken ct) =>
        ChangeAssumption(unit, reference, queries, http, (id, version) => service.ValidateAssumptionAsync(id, version, ct), ct);

    private static Task<Ok<AssumptionView>> InvalidateAssumption(string unit, string reference, InvalidationInput input, RaidService service, RaidQueries queries, HttpContext http, CancellationToken ct) =>
        ChangeAssumption(unit, reference, queries, http, async (id, version) => (await service.InvalidateAssumptionAsync(id, version, input.Raise, ct)).Assumption, ct);

    private static Task<Ok<AssumptionView>> EscalateAssumption(string unit, string reference, EscalationInput input, RaidService service, RaidQueries queries, HttpContext http, CancellationToken ct) =>
        ChangeAssumption(unit, reference, queries, http, (id, version) => service.EscalateAssumptionAsync(id, version, input.Reason, ct), ct);

    private static Task<Ok<AssumptionView>> DeEscalateAssumption(string unit, string reference, EscalationInput input, RaidService service, RaidQueries queries, HttpContext http, CancellationToken ct) =>
        ChangeAssumption(unit, reference, queries, http, (id, version) => service.DeEscalateAssumptionAsync(id, version, input.Reason, ct), ct);

    private static async Task<Ok<CursorPage<HistoryEntry>>> AssumptionHistory(string unit, string reference, RaidQueries queries, HistoryQueries history, int? limit, string? cursor, CancellationToken ct)
    {
        var assumption = await queries.AssumptionAsync(await queries.RequireReadableUnitAsync(unit, ct), reference, ct);
        return TypedResults.Ok(await history.ListAsync(new HistoryFilter(RecordId: assumption.Id, Limit: limit ?? 50, Before: HistoryQueries.ParseCursor(cursor)), ct));
    }

    private static async Task<Ok<AssumptionView>> ChangeAssumption(string unit, string reference, RaidQueries queries, HttpContext http, Func<Guid, int, Task<Assumption>> change, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        var current = await queries.AssumptionAsync(found, reference, ct);
        await change(current.Id, EntityTag.RequireIfMatch(http));
        var view = await queries.AssumptionAsync(found, reference, ct);
        EntityTag.Write(http, view.Version);
        return TypedResults.Ok(view);
    }

    private static async Task<Ok<ToleranceView>> GetTolerances(string unit, RaidQueries queries, HttpContext http, CancellationToken ct)
    {
        var view = await queries.TolerancesAsync(await queries.RequireReadableUnitAsync(unit, ct), ct);
        if (view.Version is { } version)
        {
            EntityTag.Write(http, version);
        }

        return TypedResults.Ok(view);
    }

    // The first time a unit sets tolerances there is nothing to match; after that If-Match is required.
    private static async Task<Ok<ToleranceView>> SetTolerances(string unit, ToleranceInput input, RaidService service, RaidQueries queries, HttpContext http, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        var current = await queries.TolerancesAsync(found, ct);
        int? expected = current.Version is null ? null : EntityTag.RequireIfMatch(http);
        await service.SetTolerancesAsync(found.Id.ToString(), expected, input.RiskScore, input.IssuePriority, input.DependencyLateDays, ct);
        var view = await queries.TolerancesAsync(found, ct);
        EntityTag.Write(http, view.Version!.Value);
        return TypedResults.Ok(view);
    }

    private static async Task<Ok<CursorPage<IssueSummary>>> ListIssues(
        string unit, RaidQueries queries, string? status, Guid? owner, string? priority, bool? overdue, bool? escalated, string? q,
        string? sort, int? limit, string? cursor, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        var filter = IssueFilterFrom(status, owner, priority, overdue, escalated, q);
        var order = EnumText.ParseOptional<IssueSort>("sort", sort) ?? IssueSort.Priority;
        return TypedResults.Ok(await queries.IssuesAsync(found, filter, order, new RegisterPage(limit ?? 50, cursor), ct));
    }

    private static async Task<CreatedAtRoute<IssueView>> RaiseIssue(string unit, IssueInput input, RaidService service, RaidQueries queries, HttpContext http, CancellationToken ct)
    {
        var issue = await service.RaiseIssueAsync(unit, input, ct);
        var found = await queries.RequireReadableUnitAsync(issue.UnitId.ToString(), ct);
        var view = await queries.IssueAsync(found, issue.Reference, ct);
        EntityTag.Write(http, view.Version);
        return TypedResults.CreatedAtRoute(view, "GetIssue", new { unit = found.Code, reference = view.Reference });
    }

    private static async Task<Ok<IssueView>> GetIssue(string unit, string reference, RaidQueries queries, HttpContext http, CancellationToken ct)
    {
        var view = await queries.IssueAsync(await queries.RequireReadableUnitAsync(unit, ct), reference, ct);
        EntityTag.Write(http, view.Version);
        return TypedResults.Ok(view);
    }

    private static Task<Ok<IssueView>> UpdateIssue(string unit, string reference, IssueInput input, RaidService service, RaidQueries queries, HttpContext http, CancellationToken ct) =>
        ChangeIssue(unit, reference, queries, http, (id, version) => service.UpdateIssueAsync(id, version, input, ct), ct);

    private static Task<Ok<IssueView>> CloseIssue(string unit, string reference, RaidService service, RaidQueries queries, HttpContext http, CancellationToken ct) =>
        ChangeIssue(unit, reference, queries, http, (id, version) => service.CloseIssueAsync(id, version, ct), ct);

    private static async Task<Ok<CursorPage<HistoryEntry>>> IssueHistory(string unit, string reference, RaidQueries queries, HistoryQueries history, int? limit, string? cursor, CancellationToken ct)
    {
        var issue = await queries.IssueAsync(await queries.RequireReadableUnitAsync(unit, ct), reference, ct);
        return TypedResults.Ok(await history.ListAsync(new HistoryFilter(RecordId: issue.Id, Limit: limit ?? 50, Before: HistoryQueries.ParseCursor(cursor)), ct));
    }

    private static async Task<Ok<RiskView>> ChangeRisk(string unit, string reference, RaidQueries queries, HttpContext http, Func<Guid, int, Task<Risk>> change, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        var current = await queries.RiskAsync(found, reference, ct);
        await change(current.Id, EntityTag.RequireIfMatch(http));
        var view = await queries.RiskAsync(found, reference, ct);
        EntityTag.Write(http, view.Version);
        return TypedResults.Ok(view);
    }

    private static async Task<Ok<IssueView>> ChangeIssue(string unit, string reference, RaidQueries queries, HttpContext http, Func<Guid, int, Task<Issue>> change, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        var current = await queries.IssueAsync(found, reference, ct);
        await change(current.Id, EntityTag.RequireIfMatch(http));
        var view = await queries.IssueAsync(found, reference, ct);
        EntityTag.Write(http, view.Version);
        return TypedResults.Ok(view);
    }
}
