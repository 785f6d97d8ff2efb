using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.History;

namespace Steward.Features.People;

// The person the signed-in account is, if any, for what a register records as "by whom" (a review, a
// progress update, who raised a risk). The command line may act as nobody in particular.
public static class ActingPerson
{
    public static async Task<Guid?> IdAsync(StewardDbContext db, ChangeContext who, CancellationToken ct) =>
        who.UserId is { } user ? await db.Users.Where(u => u.Id == user).Select(u => u.PersonId).FirstOrDefaultAsync(ct) : null;
}
