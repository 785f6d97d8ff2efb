using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Features.Access;
using Steward.Infrastructure;

namespace Steward.Features.Notifications;

// The signed-in person's messages from Steward: reminders of their work, and anything it could not e-mail them.
[AnySignedIn]
public sealed class InboxModel(Inbox inbox) : PageModel
{
    public InboxView Inbox { get; private set; } = new(0, [], null);

    public async Task OnGetAsync(long? before, CancellationToken ct) => Inbox = await inbox.MineAsync(before, ct);

    public async Task<IActionResult> OnPostReadAsync(long? id, CancellationToken ct)
    {
        try
        {
            await inbox.MarkReadAsync(id, ct);
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }

        TempData["Notice"] = id is null ? "All your messages are marked as read." : "Message marked as read.";
        return Redirect(NotificationsLinks.Inbox);
    }
}
