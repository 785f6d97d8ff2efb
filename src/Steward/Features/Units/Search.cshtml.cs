using Steward.Features.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Units;

// Units by code or name, and every module's records (RAID items, decisions, actions, plan tasks) by
// reference or title, each among what the searcher may read.
[AnySignedIn]
public sealed class SearchModel(UnitQueries queries, IEnumerable<IRecordSearch> searches) : PageModel
{
    public const int PageSize = 50;

    // Of each kind of record; the page says so when a kind fills it.
    public const int RecordsPerKind = 20;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public CursorPage<UnitSummary>? Results { get; private set; }

    public IReadOnlyList<SearchHit> Records { get; private set; } = [];

    // A code from this department for the hint, so the example can be tried.
    public string? ExampleCode { get; private set; }

    public bool SomeKindFull => Records.GroupBy(r => r.Kind).Any(g => g.Count() >= RecordsPerKind);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ExampleCode = await FirstCodeAsync(UnitKind.Programme, ct) ?? await FirstCodeAsync(null, ct);
        if (string.IsNullOrWhiteSpace(Q))
        {
            return Page();
        }

        if (Q.Length > 200)
        {
            ModelState.AddModelError(nameof(Q), "Search text must be 200 characters or fewer");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        try
        {
            Results = await queries.ListAsync(new UnitListQuery(Text: Q, Sort: UnitSort.Code, Limit: PageSize, Cursor: Cursor), ct);
        }
        catch (FluentValidation.ValidationException)
        {
            // A hand-edited cursor: start the results again from the top.
            Results = await queries.ListAsync(new UnitListQuery(Text: Q, Sort: UnitSort.Code, Limit: PageSize), ct);
        }

        // Records on the first page of results only; later pages page through units.
        if (Cursor is null)
        {
            var records = new List<SearchHit>();
            foreach (var search in searches)
            {
                records.AddRange(await search.FindAsync(new SearchText(Q), RecordsPerKind, ct));
            }

            Records = records;
        }

        return Page();
    }

    private async Task<string?> FirstCodeAsync(UnitKind? kind, CancellationToken ct) =>
        (await queries.ListAsync(new UnitListQuery(Kind: kind, Limit: 1), ct)).Items is [var first, ..] ? first.Code : null;
}
