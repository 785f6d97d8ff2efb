using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Steward.Infrastructure.Registers;

// What every entry page does with an action posted to it (close, realise, escalate, validate): the entry
// it names is found or the answer is 404; a refusal is shown on the page with the status it would have
// in the API, so no page answers one kind of refusal differently from another. A bad field is 400 with
// its message beside the field; a stale version or a state that forbids the action is 409, with the
// entry shown again as it now is.
public static class EntryPageActions
{
    // load: reads the entry into the page, false when there is none. reference: the entry's name, once
    // loaded. field: where a validation message goes ("Reason"); null puts it at the top of the page.
    public static Task<IActionResult> RunAsync(
        PageModel page, Func<Task<bool>> load, Func<string> reference, Func<Task<IActionResult>> action, string? field = null) =>
        RunAsync(page, load, reference, action, _ => field);

    // fieldFor: where each failed property's message goes ("reason" to "Reason"); null puts it at the top.
    public static async Task<IActionResult> RunAsync(
        PageModel page, Func<Task<bool>> load, Func<string> reference, Func<Task<IActionResult>> action, Func<string, string?> fieldFor)
    {
        if (!await load())
        {
            return page.NotFound();
        }

        try
        {
            return await action();
        }
        catch (ValidationException invalid)
        {
            foreach (var error in invalid.Errors)
            {
                page.ModelState.AddModelError(fieldFor(error.PropertyName) ?? string.Empty, error.ErrorMessage);
            }

            page.Response.StatusCode = StatusCodes.Status400BadRequest;
            return page.Page();
        }
        catch (Exception e) when (e is StaleVersionException or RecordStateConflictException)
        {
            page.ModelState.AddModelError(string.Empty, e is StaleVersionException
                ? $"{reference()} was changed by someone else a moment ago. Check it below and try again."
                : e.Message);
            await load();
            page.Response.StatusCode = StatusCodes.Status409Conflict;
            return page.Page();
        }
    }
}
