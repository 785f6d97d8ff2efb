using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Steward.Data;

namespace Steward.Infrastructure.GovUk;

// What every record form shares: the people to choose from, reading typed dates, and placing a
// service's errors (named by API field) against the form's inputs, GOV.UK style, with a 4xx status.
public abstract class GovUkFormPage(StewardDbContext db) : PageModel
{
    public IReadOnlyList<SelectListItem> People { get; private set; } = [];

    protected StewardDbContext Db => db;

    protected virtual async Task LoadChoicesAsync(CancellationToken ct) =>
        People = await db.People.AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new SelectListItem(p.RoleTitle == null ? p.Name : p.Name + " (" + p.RoleTitle + ")", p.Id.ToString()))
            .ToListAsync(ct);

    protected void AddErrors(IEnumerable<ValidationFailure> failures)
    {
        foreach (var failure in failures)
        {
            var field = FieldFor(failure.PropertyName);
            if (!ModelState.TryGetValue(field, out var entry) || entry.Errors.Count == 0)
            {
                ModelState.AddModelError(field, failure.ErrorMessage);
            }
        }
    }

    // The shape of every record form's post: fields that could not even be read are reported together
    // with the service's own checks; a refusal by the service is shown on the form with its status.
    protected async Task<IActionResult> SubmitAsync(
        Func<Task<IReadOnlyList<ValidationFailure>>> check, Func<Task<IActionResult>> save, CancellationToken ct, Func<Task>? onStale = null)
    {
        if (!ModelState.IsValid)
        {
            AddErrors(await check());
            return await InvalidAsync(ct);
        }

        try
        {
            return await save();
        }
        catch (FluentValidation.ValidationException invalid)
        {
            AddErrors(invalid.Errors);
            return await InvalidAsync(ct);
        }
        catch (StaleVersionException) when (onStale is not null)
        {
            await onStale();
            return await InvalidAsync(ct, StatusCodes.Status409Conflict);
        }
        catch (RecordStateConflictException conflict)
        {
            ModelState.AddModelError(string.Empty, conflict.Message);
            return await InvalidAsync(ct, StatusCodes.Status409Conflict);
        }
    }

    protected async Task<IActionResult> InvalidAsync(CancellationToken ct, int status = StatusCodes.Status400BadRequest)
    {
        await LoadChoicesAsync(ct);
        var page = Page();
        Response.StatusCode = status;
        return page;
    }

    // A date as typed, or null with the GOV.UK error placed on the field when it is not a real date.
    protected DateOnly? ReadDate(DateParts parts, string label, string field)
    {
        var date = parts.Read(label, out var error);
        if (error is not null)
        {
            ModelState.AddModelError($"Input.{field}", error);
        }

        return date;
    }

    // The form input a service's field name belongs to: "ownerId" is "Input.OwnerId".
    protected virtual string FieldFor(string apiField) =>
        apiField.Length == 0 ? string.Empty : $"Input.{char.ToUpperInvariant(apiField[0])}{apiField[1..]}";
}
