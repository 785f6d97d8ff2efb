using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.Notifications;
using Steward.Tests.Access;

namespace Steward.Tests.Notifications;

public sealed class NotificationsMatrixRouteValues : IMatrixRouteValues
{
    // A message in the asking account's own inbox (anyone's inbox is their own to read).
    public async Task<string?> ValueAsync(string parameter, MatrixRoute route)
    {
        if (parameter != "id" || !route.Under("/inbox/"))
        {
            return null;
        }

        return (await route.App.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<StewardDbContext>();
            var person = route.Account is null ? route.PersonId : await db.People.Where(p => p.Email == route.Account).Select(p => p.Id).FirstOrDefaultAsync();
            var message = new InboxMessage { PersonId = person == Guid.Empty ? route.PersonId : person, Kind = "digest", Subject = "Matrix", Text = "Matrix", Items = "[]", CreatedAt = DateTime.UtcNow };
            db.InboxMessages.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        })).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
