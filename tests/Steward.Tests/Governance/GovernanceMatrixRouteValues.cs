using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.Governance;
using Steward.Features.Tokens;
using Steward.Tests.Access;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Governance;

public sealed class GovernanceMatrixRouteValues : IMatrixRouteValues
{
    public async Task<string?> ValueAsync(string parameter, MatrixRoute route) => parameter switch
    {
        "reference" when route.Under("/decisions/") => (await route.App.CreateDecisionAsync(route.Unit.Code, route.PersonId)).Reference,
        "reference" when route.Under("/actions/") => (await route.App.CreateActionAsync(route.Unit.Code, route.PersonId)).Reference,
        "board" => (await route.App.CreateBoardAsync(route.Unit.Code, route.PersonId)).Id.ToString(),
        "meeting" => (await route.App.CreateMeetingAsync((await route.App.CreateBoardAsync(route.Unit.Code, route.PersonId)).Id)).Id.ToString(),
        "id" when route.Under("/calendar-feeds/") => route.Account is null ? Guid.NewGuid().ToString() : (await CalendarFeedOfAsync(route)).ToString(),
        "secret" => "cal_unknown",
        _ => null,
    };

    // A calendar address of the account itself: only its owner may revoke one.
    private static Task<Guid> CalendarFeedOfAsync(MatrixRoute route) =>
        route.App.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<StewardDbContext>();
            var userId = await db.Users.Where(u => u.Email == route.Account).Select(u => u.Id).SingleAsync();
            var feed = new CalendarFeed
            {
                Id = Guid.NewGuid(), UnitId = route.Unit.Id, UserId = userId, SecretHash = TokenSecret.Hash(Guid.NewGuid().ToString("N")), Prefix = "cal_test", CreatedAt = DateTime.UtcNow,
            };
            db.CalendarFeeds.Add(feed);
            await db.SaveChangesAsync();
            return feed.Id;
        });
}
