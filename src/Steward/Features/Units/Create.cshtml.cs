using Steward.Features.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Steward.Data;

namespace Steward.Features.Units;

[Requires(PmoArea.Delivery, PmoAction.Contribute)]
public sealed class CreateModel(StewardDbContext db, UnitService units, UnitQueries queries) : UnitFormPage(db)
{
    public UnitView? Parent { get; private set; }

    private static readonly (UnitKind Kind, string Text)[] KindChoices =
    [
        (UnitKind.Portfolio, "Portfolio|A collection of programmes and projects, managed to meet strategic objectives"),
        (UnitKind.Programme, "Programme|Related projects and activities that together deliver outcomes and benefits"),
        (UnitKind.Project, "Project|A temporary piece of work that delivers defined outputs"),
    ];

    // Only the kinds the chosen parent may hold are offered.
    public IEnumerable<SelectListItem> Kinds => KindChoices
        .Where(k => Parent is null || UnitHierarchyRules.MayHold(Parent.Kind, k.Kind))
        .Select(k => new SelectListItem(k.Text, k.Kind.ToString()));

    public async Task<IActionResult> OnGetAsync(string? parent, UnitKind? kind, CancellationToken ct)
    {
        if (parent is not null)
        {
            Parent = await queries.FindByCodeAsync(parent, ct);
            if (Parent is null)
            {
                return NotFound();
            }
        }

        Input = new UnitForm
        {
            ParentCode = Parent?.Code,
            Kind = kind ?? (Parent is null ? UnitKind.Portfolio : Parent.Kind == UnitKind.Programme ? UnitKind.Project : null),
            Category = Parent?.Category ?? UnitCategory.Other,
            Stage = LifecycleStage.Concept,
        };
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Guid? parentId = null;
        if (!string.IsNullOrWhiteSpace(Input.ParentCode))
        {
            Parent = await queries.FindByCodeAsync(Input.ParentCode, ct);
            if (Parent is null)
            {
                ModelState.AddModelError("Input.ParentCode", $"No unit has the code {Input.ParentCode.Trim().ToUpperInvariant()}");
            }

            parentId = Parent?.Id;
        }

        var (baselineStart, baselineEnd, forecastStart, forecastEnd) = ReadDates();
        var input = new CreateUnit(
            Input.Code, Input.Name, Input.Kind, parentId, Input.Category, Input.Stage, Input.Description, Input.Aims,
            Input.SroId, Input.ManagerId, Input.PmoContactId, baselineStart, baselineEnd, forecastStart, forecastEnd);

        if (!ModelState.IsValid)
        {
            AddErrors((await units.CheckAsync(input, ct)).Where(f => f.PropertyName != nameof(CreateUnit.ParentId) || Parent is not null));
            return await InvalidAsync(ct);
        }

        try
        {
            var unit = await units.CreateAsync(input, ct);
            TempData["Notice"] = $"{unit.Name} ({unit.Code}) has been added";
            return RedirectToPage("Show", new { code = unit.Code });
        }
        catch (FluentValidation.ValidationException invalid)
        {
            AddErrors(invalid.Errors);
            return await InvalidAsync(ct);
        }
        catch (AccessDeniedException denied)
        {
            ModelState.AddModelError(Parent is null ? "Input.Kind" : "Input.ParentCode", denied.Message);
            return await InvalidAsync(ct, StatusCodes.Status403Forbidden);
        }
    }

    public string Heading => Parent is null ? "Add a delivery unit" : $"Add a unit to {Parent.Name}";

}
