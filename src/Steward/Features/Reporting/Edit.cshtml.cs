using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Reporting;

// Writing a draft (or returned) report: its words and ratings, beside the figures it quotes.
[Requires(PmoArea.Reporting, PmoAction.Contribute)]
public sealed class EditModel(StewardDbContext db, UnitQueries units, ReportQueries queries, ReportingRuleBook rules, StatusReportService service, HistoryQueries history)
    : EntryFormPage<ReportForm>(db, units)
{
    public StatusReportView Report { get; private set; } = default!;
    public DcaScale Scale { get; private set; }

    public Task<IActionResult> OnGetAsync(string code, string reference, CancellationToken ct) =>
        ShowFormAsync(() => OpenAsync(code, reference, ct), ct, () => Input = ReportForm.From(Report));

    public Task<IActionResult> OnPostAsync(string code, string reference, CancellationToken ct) =>
        SaveFormAsync(() => OpenAsync(code, reference, ct), () => Input.ToInput(), (_, _) => Task.FromResult<IReadOnlyList<ValidationFailure>>([]), async input =>
        {
            await service.UpdateAsync(Report.Id, Input.Version, input, ct);
            return new EntrySaved($"Your changes to {Report.Reference} have been saved", ReportingLinks.Report(Unit.Code, Report.Reference));
        }, ct, async () => KeepTyped(await history.ChangedWhileEditingAsync(Report.Id, Report.Reference, "the report's page", ct), Report.Version));

    public string PreviousRating(ReportDimension dimension) =>
        Report.Dimensions.First(d => d.Dimension == Infrastructure.EnumText.Of(dimension)).Previous is { } previous
            ? $"{char.ToUpperInvariant(previous[0])}{previous[1..]} in the last report." : "Not rated in the last report.";

    protected override string FieldFor(string apiField) => ReportForm.FieldFor(apiField);

    private Task<bool> OpenAsync(string code, string reference, CancellationToken ct) =>
        OpenUnitAsync(code, async () =>
        {
            Report = await queries.ReportAsync(Unit, reference, ct);
            Scale = (await rules.ForAsync(Unit, ct)).Scale;
        }, ct);
}
