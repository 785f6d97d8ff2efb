using Steward.Infrastructure.Registers;

namespace Steward.Features.People;

// The addresses of the people pages.
[PageLinks]
public static class PeopleLinks
{
    public static string Index => "/people";

    public static string Create => "/people/new";
}
