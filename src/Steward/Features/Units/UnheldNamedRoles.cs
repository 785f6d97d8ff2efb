using Steward.Features.Access;
using Steward.Features.People;

namespace Steward.Features.Units;

// Being named a unit's SRO or manager says who is accountable; the access role says what they may do in
// Steward. The two are kept apart on purpose (an SRO may not use Steward at all), but a unit page says
// when a named person does not hold the role that goes with the name, and offers it.
public sealed record UnheldNamedRole(string Named, PersonRef Person, StewardRole Role);

public static class UnheldNamedRoles
{
    public static IReadOnlyList<UnheldNamedRole> Of(UnitView unit, IReadOnlyList<RoleHolder> held)
    {
        var unheld = new List<UnheldNamedRole>();
        Check("senior responsible owner", unit.Sro, StewardRole.Sro);
        // A portfolio manager has no role of their own in the permission matrix; a programme or project manager has.
        if (unit.Kind != UnitKind.Portfolio)
        {
            Check(unit.Kind == UnitKind.Project ? "project manager" : "programme manager", unit.Manager, StewardRole.ProgrammeOrProjectManager);
        }

        return unheld;

        void Check(string named, PersonRef? person, StewardRole role)
        {
            if (person is not null && !held.Any(h => h.PersonId == person.Id && h.Role == role))
            {
                unheld.Add(new UnheldNamedRole(named, person, role));
            }
        }
    }
}
