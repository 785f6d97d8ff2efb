using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Infrastructure;
using Steward.Infrastructure.Spreadsheets;
using Steward.Scheduling.Mspdi;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Plans;

// A unit's plan under /api/v1/units/{unit}/plan, and what the levels above read from the plans below
// (key milestones, drift, roadmap). Tasks are addressed by their number in the plan (Microsoft Project's UID).
public static class PlanApi
{
    public static void MapPlanApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/units/{unit}").WithTags("Plans").ProducesRecordProblems();

        group.MapGet("/plan", GetPlan).Requires(PmoArea.Planning, PmoAction.Read)
            .WithSummary("The unit's plan in outline order with its schedule: early and late dates, float in working days, critical flags; baseline=N adds each task's variance against baseline N");
        group.MapPut("/plan", UpdateSettings).Requires(PmoArea.Planning, PmoAction.Contribute)
            .WithSummary("The plan's name, start (YYYY-MM-DD) and calendar: inherit, or its own (england-and-wales, scotland, northern-ireland or no-bank-holidays: that nation's bank holidays), inherited by the units below. Its own calendar may also give workingDays (monday...) and workingHours (\"08:00-12:00, 13:00-17:00\"): without them it keeps the week it has, or Monday to Friday, 08:00-12:00 and 13:00-17:00 for a new one; nonWorkingDays (YYYY-MM-DD); and workedDays ([{ date, hours }]: a day worked although the week does not, with the usual hours unless given). statusDate (YYYY-MM-DD, optional): the last day progress was reported to; work not done by its end is scheduled after it. If-Match the plan's version (\"0\" for a unit with no plan yet)");
        group.MapPost("/plan/import", Import).Requires(PmoArea.Planning, PmoAction.Contribute).WithMetadata(new RequestBodyLimit.AcceptsFilesAttribute(MspdiReader.MaxBytes + 1024 * 1024))
            .WithSummary("Import Microsoft Project XML (MSPDI) as the body or a multipart 'file'. Tasks are matched by UID: a second import updates the plan; tasks not in the file are removed. External tasks naming a unit's code set the plan's links across units (crossUnitLinks in the result); those naming anything else are left out and listed in leftOut. The file's StatusDate becomes the plan's status date");
        group.MapGet("/plan/export", Export).Requires(PmoArea.Planning, PmoAction.Read)
            .WithSummary("The plan as Microsoft Project XML (format=mspdi, the default), or the plan table as a spreadsheet (format=xlsx or csv; baseline=N adds variance)");
        group.MapPost("/plan/tasks", AddTask).Requires(PmoArea.Planning, PmoAction.Contribute)
            .WithSummary("Add a task or milestone: name, parentUid (the summary task it goes under), duration (5d, 3h, 2ed), predecessors (3, 5SS+2d; a task of another unit's plan as CODE/12), constraint and constraintDate, deadline, percentComplete, actualStart, actualFinish, reportingLevel, owner");
        group.MapGet("/plan/tasks/{task:int}", GetTask).Requires(PmoArea.Planning, PmoAction.Read).WithName("GetPlanTask").WithSummary("One task with its schedule");
        group.MapPut("/plan/tasks/{task:int}", UpdateTask).Requires(PmoArea.Planning, PmoAction.Contribute)
            .WithSummary("Replace a task's fields (If-Match required); the plan is scheduled again and any milestone that moves is recorded in its drift");
        group.MapDelete("/plan/tasks/{task:int}", RemoveTask).Requires(PmoArea.Planning, PmoAction.Contribute).WithSummary("Remove a task and everything under it in the outline (If-Match required)");
        group.MapPost("/plan/tasks/{task:int}/move", MoveTask).Requires(PmoArea.Planning, PmoAction.Contribute)
            .WithSummary("Move a task, with everything under it, in the outline: move is up, down, indent (under the task above it, which becomes its summary task) or outdent (If-Match required)");
        group.MapGet("/plan/tasks/{task:int}/history", TaskHistory).Requires(PmoArea.Planning, PmoAction.Read).WithSummary("The task's change history, newest first");
        group.MapGet("/plan/baselines", Baselines).Requires(PmoArea.Planning, PmoAction.Read).WithSummary("The plan's baselines (up to 11, numbered 0 to 10)");
        group.MapPost("/plan/baselines", SetBaseline).Requires(PmoArea.Planning, PmoAction.Approve)
            .WithSummary("Save the current schedule as a baseline: name, reason, and number (0 to 10) to replace one; without a number the lowest free one is used");
        group.MapGet("/plan/variance", Variance).Requires(PmoArea.Planning, PmoAction.Read)
            .WithSummary("Each task's forecast against baseline N (default: the plan's first baseline): baseline and forecast dates, start and finish variance in working days (positive is late)");
        group.MapGet("/plan/cross-unit-links", CrossUnitLinks).Requires(PmoArea.Planning, PmoAction.Read)
            .WithSummary("Links across units that touch this unit's plan or a plan below it (a programme's integrated plan): both ends' forecast dates, the margin in working days (negative: the successor is held to a date the predecessor misses), and the RAID dependencies between the same two units");
        group.MapGet("/milestones", Milestones).Requires(PmoArea.Planning, PmoAction.Read)
            .WithSummary("Key milestones: the unit's own and those below at its reporting level or higher (all=true: every milestone below), each with its forecast history for the trend chart");
        group.MapGet("/milestones/drift", Drift).Requires(PmoArea.Planning, PmoAction.Read)
            .WithSummary("What moved right (and left) since a date (since=YYYY-MM-DD, default 7 days ago): each key milestone's forecast now against its forecast then, in days");
        group.MapGet("/roadmap", GetRoadmap).Requires(PmoArea.Planning, PmoAction.Read)
            .WithSummary("One line per unit with a plan, this one and below: its start, finish and key milestones for this unit's level");
    }

    private static async Task<Ok<PlanView>> GetPlan(string unit, int? baseline, PlanQueries queries, HttpContext http, CancellationToken ct)
    {
        var view = await queries.PlanAsync(await queries.RequireReadableUnitAsync(unit, ct), baseline, ct);
        EntityTag.Write(http, view.Version);
        return TypedResults.Ok(view);
    }

    private static async Task<Ok<PlanView>> UpdateSettings(string unit, PlanSettingsInput input, PlanService service, PlanQueries queries, HttpContext http, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        return await RegisterEndpoints.ChangeAsync(http, () => queries.PlanAsync(found, null, ct), (_, version) => service.UpdateSettingsAsync(found.Id.ToString(), version, input, ct), v => v.Version);
    }

    private static async Task<Ok<IReadOnlyList<CrossUnitLinkView>>> CrossUnitLinks(string unit, PlanQueries queries, IntegratedPlan integrated, CancellationToken ct) =>
        TypedResults.Ok(await integrated.LinksAsync(await queries.RequireReadableUnitAsync(unit, ct), ct));

    private static async Task<Ok<PlanImportResult>> Import(string unit, HttpContext http, MicrosoftProjectImport import, CancellationToken ct)
    {
        await using var file = await ApiFiles.ReadAsync(http, ct);
        return TypedResults.Ok(await import.ImportAsync(unit, file, ct));
    }

    private static async Task<IResult> Export(string unit, string? format, int? baseline, PlanQueries queries, TimeProvider clock, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        if (format is null || format.Trim().TrimStart('.').Equals("mspdi", StringComparison.OrdinalIgnoreCase) || format.Trim().TrimStart('.').Equals("xml", StringComparison.OrdinalIgnoreCase))
        {
            var file = new MemoryStream();
            await queries.WriteMspdiAsync(found, file, ct);
            file.Position = 0;
            return Results.File(file, "application/xml", $"{found.Code}-plan-{DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime):yyyy-MM-dd}.xml");
        }

        var spreadsheet = SpreadsheetFormats.Parse("format", format);
        var plan = await queries.PlanAsync(found, baseline, ct);
        return await SpreadsheetDownload.FileAsync(found.Code, "plan", "Plan", spreadsheet, PlanSpreadsheets.TaskColumns, plan.Tasks, clock, ct);
    }

    private static async Task<CreatedAtRoute<TaskView>> AddTask(string unit, TaskInput input, PlanService service, PlanQueries queries, HttpContext http, CancellationToken ct)
    {
        var task = await service.AddTaskAsync(unit, input, ct);
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        var view = await queries.TaskAsync(found, task.Uid, ct);
        EntityTag.Write(http, view.Version);
        return TypedResults.CreatedAtRoute(view, "GetPlanTask", new { unit = found.Code, task = view.Uid });
    }

    private static async Task<Ok<TaskView>> GetTask(string unit, int task, PlanQueries queries, HttpContext http, CancellationToken ct)
    {
        var view = await queries.TaskAsync(await queries.RequireReadableUnitAsync(unit, ct), task, ct);
        EntityTag.Write(http, view.Version);
        return TypedResults.Ok(view);
    }

    private static async Task<Ok<TaskView>> UpdateTask(string unit, int task, TaskInput input, PlanService service, PlanQueries queries, HttpContext http, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        return await RegisterEndpoints.ChangeAsync(http, () => queries.TaskAsync(found, task, ct), (current, version) => service.UpdateTaskAsync(found.Id.ToString(), current.Uid, version, input, ct), v => v.Version);
    }

    private static async Task<NoContent> RemoveTask(string unit, int task, PlanService service, PlanQueries queries, HttpContext http, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        var current = await queries.TaskAsync(found, task, ct);
        await service.RemoveTaskAsync(found.Id.ToString(), current.Uid, EntityTag.RequireIfMatch(http), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<TaskView>> MoveTask(string unit, int task, TaskMoveInput input, PlanService service, PlanQueries queries, HttpContext http, CancellationToken ct)
    {
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        var current = await queries.TaskAsync(found, task, ct);
        await service.MoveTaskAsync(found.Id.ToString(), current.Uid, EntityTag.RequireIfMatch(http), input, ct);
        var moved = await queries.TaskAsync(found, task, ct);
        EntityTag.Write(http, moved.Version);
        return TypedResults.Ok(moved);
    }

    private static async Task<Ok<CursorPage<HistoryEntry>>> TaskHistory(string unit, int task, PlanQueries queries, HistoryQueries history, int? limit, string? cursor, CancellationToken ct)
    {
        var id = await queries.TaskIdAsync(await queries.RequireReadableUnitAsync(unit, ct), task, ct);
        return TypedResults.Ok(await history.ListAsync(new HistoryFilter(RecordId: id, Limit: limit ?? 50, Before: HistoryQueries.ParseCursor(cursor)), ct));
    }

    private static async Task<Ok<IReadOnlyList<BaselineSummary>>> Baselines(string unit, PlanQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.BaselinesAsync(await queries.RequireReadableUnitAsync(unit, ct), ct));

    private static async Task<Created<BaselineSummary>> SetBaseline(string unit, BaselineInput input, PlanBaselines baselines, CancellationToken ct)
    {
        var baseline = await baselines.SetAsync(unit, input, ct);
        return TypedResults.Created($"/api/v1/units/{unit}/plan/baselines",
            new BaselineSummary(baseline.Number, baseline.Name, baseline.Reason, baseline.SetBy, baseline.SetAt, baseline.Tasks.Count));
    }

    private static async Task<Ok<IReadOnlyList<TaskVariance>>> Variance(string unit, int? baseline, PlanQueries queries, CancellationToken ct)
    {
        // Without a number, the first baseline the plan has (usually 0); a plan with none has no variance yet.
        var found = await queries.RequireReadableUnitAsync(unit, ct);
        var chosen = baseline ?? (await queries.BaselinesAsync(found, ct)).Select(b => (int?)b.Number).FirstOrDefault();
        var plan = await queries.PlanAsync(found, chosen, ct);
        return TypedResults.Ok<IReadOnlyList<TaskVariance>>(plan.Tasks.Select(t => new TaskVariance(
            t.Uid, t.Name, t.Milestone, t.Summary, t.BaselineStart, t.BaselineFinish, t.Start, t.Finish, t.StartVarianceDays, t.FinishVarianceDays)).ToList());
    }

    private static async Task<Ok<IReadOnlyList<MilestoneTrend>>> Milestones(string unit, bool? all, PlanQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.TrendAsync(await queries.RequireReadableUnitAsync(unit, ct), all == true, 500, ct));

    private static async Task<Ok<MilestoneDrift>> Drift(string unit, DateOnly? since, bool? all, PlanQueries queries, TimeProvider clock, CancellationToken ct)
    {
        var from = since?.ToDateTime(TimeOnly.MinValue) ?? clock.GetUtcNow().UtcDateTime.Date.AddDays(-7);
        return TypedResults.Ok(await queries.DriftAsync(await queries.RequireReadableUnitAsync(unit, ct), from, all == true, ct));
    }

    private static async Task<Ok<Roadmap>> GetRoadmap(string unit, PlanQueries queries, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await queries.RoadmapAsync(await queries.RequireReadableUnitAsync(unit, ct), clock.GetUtcNow().UtcDateTime.Date.AddDays(-7), ct));
}

public sealed record TaskVariance(
    int Uid, string Name, bool Milestone, bool Summary, DateTime? BaselineStart, DateTime? BaselineFinish, DateTime? Start, DateTime? Finish, double? StartVarianceDays, double? FinishVarianceDays);
