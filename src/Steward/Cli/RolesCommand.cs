using System.CommandLine;
using Steward.Features.Access;
using Steward.Infrastructure;

namespace Steward.Cli;

// Roles on the tree for operators, with the same rules as the unit page and the API.
internal static class RolesCommand
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "The person's email address.", Required = true };
        var role = new Option<string>("--role") { Description = $"One of: {string.Join(", ", EnumText.All<StewardRole>())}.", Required = true };
        var unit = new Option<string?>("--unit") { Description = "The code or id of the unit the role is held on; it applies to everything below." };
        var whole = new Option<bool>("--whole-department") { Description = "Hold the role on the whole department instead of one unit." };
        var grant = new Command("grant", "Give a person a role on a unit and everything below it.") { email, role, unit, whole };
        grant.Validators.Add(result =>
        {
            if (result.GetValue(unit) is null == !result.GetValue(whole))
            {
                result.AddError("give either --unit UNIT or --whole-department");
            }
        });
        grant.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var granted = await services.GetRequiredService<RoleService>().GrantAsync(
                parse.GetValue(email), EnumText.ParseOptional<StewardRole>("role", parse.GetValue(role)), parse.GetValue(unit), ct);
            Console.WriteLine($"Granted {AccessLabels.Of(granted.Role)} to {parse.GetValue(email)!.Trim().ToLowerInvariant()} on {parse.GetValue(unit)?.ToUpperInvariant() ?? "the whole department"} ({granted.Id}).");
            return StewardCommandLine.Success;
        }));

        var id = new Argument<Guid>("id") { Description = "The role assignment's id, as 'steward roles list' shows it." };
        var revoke = new Command("revoke", "Take a role away.") { id };
        revoke.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var revoked = await services.GetRequiredService<RoleService>().RevokeAsync(parse.GetValue(id), ct);
            Console.WriteLine($"Revoked {AccessLabels.Of(revoked.Role)} ({revoked.Id}).");
            return StewardCommandLine.Success;
        }));

        var of = new Option<string?>("--email") { Description = "Only this person's roles." };
        var on = new Option<string?>("--unit") { Description = "Only roles that apply to this unit (held on it or above it)." };
        var list = new Command("list", "List roles held, by person or by unit.") { of, on };
        list.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var roles = services.GetRequiredService<RoleService>();
            IReadOnlyList<RoleHolder> holders;
            if (parse.GetValue(on) is { } unitKey)
            {
                var found = await services.GetRequiredService<Features.Units.UnitQueries>().RequireAsync(unitKey, ct);
                holders = await roles.OnUnitAsync(found.Id, found.Path, ct);
            }
            else
            {
                holders = await roles.AllAsync(parse.GetValue(of), ct);
            }

            foreach (var holder in holders)
            {
                Console.WriteLine($"{holder.Id}  {holder.Email,-40} {EnumText.Of(holder.Role),-34} {holder.UnitCode ?? "whole department"}");
            }

            return StewardCommandLine.Success;
        }));

        return new Command("roles", "Grant, revoke and list roles on the delivery tree.") { grant, revoke, list };
    }
}
