using System.ComponentModel;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Units;

// ?parent=&kind=&stage=&status=&q=&sort= on GET /units, each described once for the OpenAPI document.
public sealed class UnitListParameters
{
    [FromQuery(Name = "parent"), Description("Only the units directly under this one: its code (DPP-PRG-001) or id.")]
    public string? Parent { get; init; }

    [FromQuery(Name = "kind"), Description("portfolio, programme or project.")]
    public string? Kind { get; init; }

    [FromQuery(Name = "stage"), Description("concept, initiation, delivery, closure or closed.")]
    public string? Stage { get; init; }

    [FromQuery(Name = "status"), Description("active, paused, closed or archived.")]
    public string? Status { get; init; }

    [FromQuery(Name = "q"), Description("Text in the unit's code or name.")]
    public string? Text { get; init; }

    [FromQuery(Name = "sort"), Description("code (the default), name or updatedAt; prefix '-' for descending.")]
    public string? Sort { get; init; }

    public async Task<UnitListQuery> QueryAsync(UnitQueries queries, PageQuery page, CancellationToken ct)
    {
        var (sort, descending) = ParseSort(Sort);
        return new UnitListQuery(
            ParentId: Parent is null ? null : await ParentIdAsync(queries, Parent, ct),
            Kind: EnumText.ParseOptional<UnitKind>("kind", Kind),
            Stage: EnumText.ParseOptional<LifecycleStage>("stage", Stage),
            Status: EnumText.ParseOptional<UnitStatus>("status", Status),
            Text: Text,
            Sort: sort,
            Descending: descending,
            Limit: page.Limit ?? 50,
            Cursor: page.Cursor);
    }

    // An unknown parent in a filter is a mistake in the query, not a missing resource.
    private static async Task<Guid> ParentIdAsync(UnitQueries queries, string parent, CancellationToken ct)
    {
        try
        {
            return (await queries.RequireAsync(parent, ct)).Id;
        }
        catch (RecordNotFoundException)
        {
            throw new ValidationException([new ValidationFailure("parent", $"No unit has the code or id {parent}")]);
        }
    }

    private static (UnitSort Sort, bool Descending) ParseSort(string? sort)
    {
        if (string.IsNullOrWhiteSpace(sort))
        {
            return (UnitSort.Code, false);
        }

        var descending = sort.StartsWith('-');
        var sortBy = EnumText.ParseOptional<UnitSort>("sort", sort.TrimStart('-', '+')) ?? UnitSort.Code;
        return (sortBy, descending);
    }
}
