using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Infrastructure;

namespace Steward.Features.Jobs;

// The administrators' view of background work: each job's last and next run and its latest failure, and
// running one now.
[Requires(PmoArea.Access, PmoAction.Administer, WholeDepartment = true)]
[PostRequires("Run", PmoArea.Access, PmoAction.Administer, WholeDepartment = true)]
public sealed class IndexModel(JobBoard board, IEnumerable<IJobsPageNotice> notices) : PageModel
{
    public JobBoardView Board { get; private set; } = default!;

    public IReadOnlyList<JobsPageNotice> Notices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Board = await board.ReadAsync(ct);
        var said = new List<JobsPageNotice>();
        foreach (var notice in notices)
        {
            said.AddRange(await notice.NoticesAsync(ct));
        }

        Notices = said;
    }

    public async Task<IActionResult> OnPostRunAsync(string? job, [FromServices] ChangeContext who, CancellationToken ct)
    {
        try
        {
            await board.RunNowAsync(job ?? string.Empty, who.Actor, ct);
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }

        var title = Infrastructure.Modules.StewardModules.Jobs.Single(j => j.Key == job).Title;
        TempData["Notice"] = $"{title}: a run has been queued and starts within seconds{(board.RunsHere ? string.Empty : " on a node that runs jobs (none run on this node)")}. Refresh to see it.";
        return Redirect(JobsLinks.Index);
    }
}
