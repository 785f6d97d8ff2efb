using Steward.Infrastructure.Registers;

namespace Steward.Features.History;

// The addresses of the history pages.
[PageLinks]
public static class HistoryLinks
{
    public static string Index => "/history";

    public static string Digests => "/history/digests";

    public static string Digest(long sequence) => $"/history/digests?handler=Download&sequence={sequence}";
}
