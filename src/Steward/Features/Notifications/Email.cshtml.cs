using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Features.People;
using Steward.Infrastructure;

namespace Steward.Features.Notifications;

// The administrators' view of e-mail: which channel carries it, whether it is set up right, what waits and
// what failed, and a test e-mail to prove it works.
[Requires(PmoArea.Access, PmoAction.Administer, WholeDepartment = true)]
[PostRequires("Test", PmoArea.Access, PmoAction.Administer, WholeDepartment = true)]
public sealed class EmailModel(MailNotice notice, TestEmail test, StewardDbContext db, ChangeContext who) : PageModel
{
    public static readonly IReadOnlyList<string> FieldOrder = [nameof(Address)];

    [BindProperty] public string? Address { get; set; }

    public MailStatus Status { get; private set; } = default!;

    public TestEmailResult? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Status = await notice.ReadAsync(ct);
        var me = await ActingPerson.IdAsync(db, who, ct);
        Address = me is null ? null : await db.People.Where(p => p.Id == me).Select(p => p.Email).FirstOrDefaultAsync(ct);
    }

    public async Task<IActionResult> OnPostTestAsync(CancellationToken ct)
    {
        try
        {
            Result = await test.SendAsync(new TestEmailInput(Address), who.Actor, ct);
        }
        catch (ValidationException invalid)
        {
            ModelState.AddModelError(nameof(Address), invalid.Errors.First().ErrorMessage);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (RecordStateConflictException off)
        {
            ModelState.AddModelError(nameof(Address), off.Message);
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        Status = await notice.ReadAsync(ct);
        return Page();
    }
}
