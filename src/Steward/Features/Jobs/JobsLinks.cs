using Steward.Infrastructure.Registers;

namespace Steward.Features.Jobs;

[PageLinks]
public static class JobsLinks
{
    public const string Index = "/admin/jobs";
}
