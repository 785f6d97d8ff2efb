using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;
using Steward.Data;
using Steward.Features.Units;
using Steward.Infrastructure.GovUk;

namespace Steward.Infrastructure.Registers;

// What every page that raises or edits a register entry does: find the unit in the address (and the
// entry, for an edit), 404 when either is missing; show the form with its choices; on a post read what
// was typed, check it, save it and go to the entry's page with a notice, or show the form again with
// each error against its field. TForm is what the form posts.
public abstract class EntryFormPage<TForm>(StewardDbContext db, UnitQueries units) : GovUkFormPage(db)
    where TForm : class, new()
{
    [BindProperty]
    public TForm Input { get; set; } = new();

    public UnitView Unit { get; protected set; } = default!;

    protected UnitQueries Units => units;

    // The unit whose register the entry is in; false when the address names none.
    protected async Task<bool> OpenUnitAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return false;
        }

        Unit = unit;
        return true;
    }

    // The unit, then what else the page is about (the entry being edited, the board a meeting is for), read by then.
    protected async Task<bool> OpenUnitAsync(string code, Func<Task> then, CancellationToken ct)
    {
        if (!await OpenUnitAsync(code, ct))
        {
            return false;
        }

        await then();
        return true;
    }

    // fill: sets the form from the entry being edited (or from where the page was opened) once it is found.
    protected async Task<IActionResult> ShowFormAsync(Func<Task<bool>> open, CancellationToken ct, Action? fill = null)
    {
        if (!await open())
        {
            return NotFound();
        }

        fill?.Invoke();
        await LoadChoicesAsync(ct);
        return Page();
    }

    // read runs after open, so it can use what open found. onStale: for an edit, what to say when someone
    // else saved the entry first (see KeepTyped).
    protected async Task<IActionResult> SaveFormAsync<TInput>(
        Func<Task<bool>> open, Func<TInput> read, Func<TInput, CancellationToken, Task<IReadOnlyList<ValidationFailure>>> check,
        Func<TInput, Task<EntrySaved>> save, CancellationToken ct, Func<Task>? onStale = null)
    {
        if (!await open())
        {
            return NotFound();
        }

        var input = read();
        return await SubmitAsync(() => check(input, ct), async () =>
        {
            var saved = await save(input);
            TempData["Notice"] = saved.Notice;
            return Redirect(saved.Location);
        }, ct, onStale);
    }

    // Someone else saved first: keep what was typed and take the current version, so saving again is a
    // deliberate choice made after seeing what they changed.
    protected void KeepTyped(string message, int currentVersion)
    {
        ModelState.AddModelError(string.Empty, message);
        ModelState.Remove("Input.Version");
        if (Input is IEditForm form)
        {
            form.Version = currentVersion;
        }
    }
}

// A form that edits an entry carries the version it was read at, so a later save cannot overwrite
// someone else's unseen change.
public interface IEditForm
{
    int Version { get; set; }
}

// Where a saved form goes, and what it says there.
public sealed record EntrySaved(string Notice, string Location);
