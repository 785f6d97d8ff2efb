using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Finance.Appraisal;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.GovUk;

namespace Steward.Features.Finance.BusinessCases;

// Writing a business case in the browser: its stage, the five cases, the appraisal's base year and
// project type, and each option with its years as lines ("2026-27 £1.2m 0", as pasted from a
// spreadsheet). The service checks everything the API checks; its errors are placed on the option
// and the line they are about.
[Requires(PmoArea.Finance, PmoAction.Read)]
[PostRequires(null, PmoArea.Finance, PmoAction.Contribute)]
[PostRequires("AddOption", PmoArea.Finance, PmoAction.Contribute)]
public sealed partial class EditCaseModel(StewardDbContext db, UnitQueries units, BusinessCaseQueries queries, BusinessCaseService service, AccessPolicy access)
    : GovUkFormPage(db)
{
    public UnitView Unit { get; private set; } = default!;
    public bool CanChange { get; private set; }

    [BindProperty] public CaseForm Input { get; set; } = new();

    public sealed class CaseForm
    {
        public int? Version { get; set; }
        public string? Stage { get; set; }
        public string? Strategic { get; set; }
        public string? Economic { get; set; }
        public string? Commercial { get; set; }
        public string? Financial { get; set; }
        public string? Management { get; set; }
        public string? Links { get; set; }
        public string? ProjectType { get; set; }
        public string? BaseYear { get; set; }
        public string? Preferred { get; set; }
        public List<OptionForm> Options { get; set; } = [];
    }

    public sealed class OptionForm
    {
        public string? Name { get; set; }
        public string? Kind { get; set; }
        public string? Description { get; set; }
        public string? OptimismBias { get; set; }
        public string? OptimismBiasReason { get; set; }
        public string? Years { get; set; }

        public bool IsBlank => new[] { Name, Description, OptimismBias, OptimismBiasReason, Years }.All(string.IsNullOrWhiteSpace);
    }

    public static IReadOnlyList<SelectListItem> Stages { get; } =
        Enum.GetValues<BusinessCaseStage>().Select(s => new SelectListItem(ShowModel.Stage(EnumText.Of(s)), EnumText.Of(s))).ToList();

    public static IReadOnlyList<SelectListItem> ProjectTypes { get; } =
        OptimismBiasBounds.All.Select(b => new SelectListItem($"{b.Label} (optimism bias {b.CostLower}% to {b.CostUpper}%)", EnumText.Of(b.Type))).ToList();

    public static IReadOnlyList<SelectListItem> Kinds { get; } =
        Enum.GetValues<OptionKind>().Select(k => new SelectListItem(ShowModel.Kind(EnumText.Of(k)), EnumText.Of(k))).ToList();

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        var view = await queries.ViewAsync(Unit, ct);
        Input = view.Version == 0 ? new CaseForm { Stage = "soc" } : new CaseForm
        {
            Version = view.Version, Stage = view.Stage, Strategic = view.Strategic, Economic = view.Economic, Commercial = view.Commercial,
            Financial = view.Financial, Management = view.Management, Links = string.Join('\n', view.Links), ProjectType = view.ProjectType,
            BaseYear = view.BaseYear, Preferred = view.Options.FirstOrDefault(o => o.Preferred)?.Name,
            Options = view.Options.Select(o => new OptionForm
            {
                Name = o.Name, Kind = o.Kind, Description = o.Description, OptimismBias = o.OptimismBias.ToString("0.##", CultureInfo.InvariantCulture),
                OptimismBiasReason = o.OptimismBiasReason,
                Years = string.Join('\n', o.Years.Select(y => $"{y.Year} {y.Costs.Pounds.ToString("0.##", CultureInfo.InvariantCulture)} {y.Benefits.Pounds.ToString("0.##", CultureInfo.InvariantCulture)}")),
            }).ToList(),
        };
        if (Input.Options.Count == 0)
        {
            Input.Options.AddRange([new OptionForm { Kind = "business-as-usual", Name = "Business as usual" }, new OptionForm { Kind = "do-minimum", Name = "Do minimum" }]);
        }

        AddBlankOption();
        return Page();
    }

    // Another empty option to fill in, keeping everything typed so far; nothing is saved.
    public async Task<IActionResult> OnPostAddOptionAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        ModelState.Clear();
        AddBlankOption();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        return await SubmitAsync(
            () => Task.FromResult<IReadOnlyList<ValidationFailure>>([]),
            async () =>
            {
                var input = Read();
                try
                {
                    await service.SaveAsync(Unit.Id.ToString(), Input.Version, input, ct);
                }
                catch (ValidationException invalid)
                {
                    throw new ValidationException(invalid.Errors.Select(OnTheirLine));
                }

                TempData["Notice"] = $"The business case of {Unit.Name} has been saved";
                return Redirect(FinanceLinks.BusinessCase(Unit.Code));
            },
            ct,
            () =>
            {
                ModelState.Clear();
                ModelState.AddModelError(string.Empty,
                    $"Someone else changed the business case of {Unit.Name} while you were editing. Open it again to see their change, then make yours.");
                return Task.CompletedTask;
            });
    }

    // The options that are not blank, in order, and which form option and which typed line each came from.
    private List<int> OptionRows { get; } = [];
    private List<List<int>> LineRows { get; } = [];

    private BusinessCaseInput Read()
    {
        var failures = new List<ValidationFailure>();
        var options = new List<OptionInput>();
        for (var i = 0; i < Input.Options.Count; i++)
        {
            var form = Input.Options[i];
            if (form.IsBlank)
            {
                continue;
            }

            decimal? bias = null;
            if (!string.IsNullOrWhiteSpace(form.OptimismBias))
            {
                if (decimal.TryParse(form.OptimismBias.Trim().TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out var percent))
                {
                    bias = percent;
                }
                else
                {
                    failures.Add(new ValidationFailure($"Input.Options[{i}].OptimismBias", $"'{form.OptimismBias}' is not a percentage: write it as 24 or 24.5"));
                }
            }

            var (years, lines) = Years(form.Years, i, failures);
            OptionRows.Add(i);
            LineRows.Add(lines);
            options.Add(new OptionInput(form.Name, form.Kind, form.Description, bias, form.OptimismBiasReason, years));
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        return new BusinessCaseInput(Input.Stage, Input.Strategic, Input.Economic, Input.Commercial, Input.Financial, Input.Management, Input.Links,
            Input.ProjectType, Input.BaseYear, options, Input.Preferred);
    }

    // One year a line: the year, its costs and its benefits, separated by spaces or tabs.
    private static (List<CashFlowInput> Years, List<int> Lines) Years(string? text, int option, List<ValidationFailure> failures)
    {
        var years = new List<CashFlowInput>();
        var lines = new List<int>();
        var all = (text ?? string.Empty).Split('\n');
        for (var n = 0; n < all.Length; n++)
        {
            var words = all[n].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (words.Length == 0)
            {
                continue;
            }

            if (words.Length is < 2 or > 3)
            {
                failures.Add(new ValidationFailure($"Input.Options[{option}].Years",
                    $"Line {n + 1}: '{all[n].Trim()}' should be a year, its costs and its benefits, such as 2026-27 £1.2m 0"));
                continue;
            }

            years.Add(new CashFlowInput(words[0], new AmountText(words[1]), words.Length == 3 ? new AmountText(words[2]) : null));
            lines.Add(n + 1);
        }

        return (years, lines);
    }

    // options[2].years[1].costs is line 2 (as typed) of the third option shown: say which line.
    private ValidationFailure OnTheirLine(ValidationFailure failure)
    {
        var match = YearField().Match(failure.PropertyName);
        if (!match.Success)
        {
            return failure;
        }

        var option = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        if (match.Groups[2].Success && option < LineRows.Count)
        {
            var year = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            var line = year < LineRows[option].Count ? LineRows[option][year] : year + 1;
            return new ValidationFailure(failure.PropertyName, $"Line {line}: {failure.ErrorMessage}");
        }

        return failure;
    }

    [GeneratedRegex(@"^options\[(\d+)\]\.years(?:\[(\d+)\])?")]
    private static partial Regex YearField();

    [GeneratedRegex(@"^options\[(\d+)\]\.(\w+)")]
    private static partial Regex OptionField();

    protected override Task LoadChoicesAsync(CancellationToken ct) => Task.CompletedTask;

    protected override string FieldFor(string apiField)
    {
        if (apiField.StartsWith("Input.", StringComparison.Ordinal))
        {
            return apiField;
        }

        var match = OptionField().Match(apiField);
        if (match.Success)
        {
            var option = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            var row = option < OptionRows.Count ? OptionRows[option] : option;
            var field = match.Groups[2].Value;
            return $"Input.Options[{row}].{char.ToUpperInvariant(field[0])}{field[1..]}";
        }

        return base.FieldFor(apiField);
    }

    private void AddBlankOption()
    {
        if (Input.Options.Count < BusinessCaseService.MaxOptions)
        {
            Input.Options.Add(new OptionForm { Kind = "option" });
        }
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return false;
        }

        Unit = unit;
        CanChange = unit.IsOpen && await access.CanAsync(PmoArea.Finance, PmoAction.Contribute, unit.Path, ct);
        return true;
    }
}
