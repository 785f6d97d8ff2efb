using System.ComponentModel;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;
using Steward.Infrastructure;

namespace Steward.Features.Finance;

// ?year=&category= on the finance views, their page and their download.
public sealed class FinanceQuery
{
    [FromQuery(Name = "year"), Description("The financial year to show, 2026-27; default this one.")]
    public string? Year { get; init; }

    [FromQuery(Name = "category"), Description("Only this spending category: rdel-administration, rdel-programme, cdel, non-government or ame.")]
    public string? Category { get; init; }

    public FinancialYear? FinancialYear => ParseYear(Year);

    public SpendingCategory? SpendingCategory => EnumText.ParseOptional<SpendingCategory>("category", Category);

    public static FinancialYear? ParseYear(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Finance.FinancialYear.TryParse(text, out var year)
            ? year
            : throw new ValidationException([new ValidationFailure("year", $"'{text}' is not a financial year: write it as 2026-27")]);
    }
}
