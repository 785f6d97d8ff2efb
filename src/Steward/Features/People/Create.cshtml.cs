using Steward.Features.Access;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Steward.Features.People;

[Requires(PmoArea.Access, PmoAction.Contribute)]
public sealed class CreateModel(PersonService people) : PageModel
{
    [BindProperty]
    public PersonForm Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var person = await people.CreateAsync(new CreatePerson(Input.Name, Input.Email, Input.RoleTitle), ct);
            TempData["Notice"] = $"{person.Name} has been added";
            return RedirectToPage("Index");
        }
        catch (ValidationException invalid)
        {
            foreach (var error in invalid.Errors)
            {
                ModelState.AddModelError($"Input.{error.PropertyName}", error.ErrorMessage);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    public sealed class PersonForm
    {
        public string? Name { get; set; }
        public string? Email { get; set; }
        public string? RoleTitle { get; set; }
    }
}
