using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Raid;

// The changes a bulk action made, in reference order.
public sealed record RaidBulkResult(IReadOnlyList<string> Changed);

// Entries ticked in a register and changed in one step, all or nothing, as a weekly RAID review expects:
// each entry goes through its register's own step (its rights, its unit's status, its state) in one
// transaction; if any cannot be changed, none is, and every refusal is named by reference.
public sealed class RaidBulkChange(StewardDbContext db)
{
    public const int MaxEntries = 200;

    // failures: what the caller found wrong with the other fields, reported with the references' problems.
    public async Task<IReadOnlyList<string>> ApplyAsync<T>(
        IUnitLocation unit, string prefix, string noun, IReadOnlyList<string>? references, List<ValidationFailure> failures,
        Func<Guid, int, Task> step, CancellationToken ct) where T : class, IRaidItem
    {
        var count = references?.Count(r => !string.IsNullOrWhiteSpace(r)) ?? 0;
        if (count == 0)
        {
            failures.Add(new ValidationFailure("references", $"Choose at least one {noun}"));
        }
        else if (count > MaxEntries)
        {
            failures.Add(new ValidationFailure("references", $"Choose at most {MaxEntries} {Plural(noun)} at a time"));
        }

        var numbers = new List<int>();
        foreach (var reference in (references ?? []).Where(r => !string.IsNullOrWhiteSpace(r)))
        {
            if (EntryReference.Parse(prefix, reference) is { } number)
            {
                numbers.Add(number);
            }
            else
            {
                failures.Add(new ValidationFailure("references", $"{reference} is not {Article(noun)} {noun} reference ({prefix}0042)"));
            }
        }

        var below = db.IdsUnder(unit.Path);
        var entries = await db.Set<T>().AsNoTracking().Where(e => numbers.Contains(e.Number) && below.Contains(e.UnitId))
            .OrderBy(e => e.Number).Select(e => new { e.Id, e.Number, e.Version }).ToListAsync(ct);
        failures.AddRange(numbers.Distinct().Where(n => entries.All(e => e.Number != n))
            .Select(n => new ValidationFailure("references", $"{EntryReference.Format(prefix, n)} is not in the {noun} register of {unit.Code}")));
        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var entry in entries)
        {
            var reference = EntryReference.Format(prefix, entry.Number);
            try
            {
                await step(entry.Id, entry.Version);
            }
            catch (Exception refused) when (refused is RecordStateConflictException or AccessDeniedException or StaleVersionException or RecordNotFoundException or ValidationException)
            {
                // Said of every entry that cannot be changed, not only the first; the transaction is not committed.
                var message = refused is ValidationException invalid ? string.Join("; ", invalid.Errors.Select(e => e.ErrorMessage)) : refused.Message;
                failures.Add(new ValidationFailure("references", message.StartsWith(reference, StringComparison.Ordinal) ? message : $"{reference}: {message}"));
            }
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        await transaction.CommitAsync(ct);
        return entries.Select(e => EntryReference.Format(prefix, e.Number)).ToList();
    }

    private static string Plural(string noun) => noun.EndsWith('y') ? noun[..^1] + "ies" : noun + "s";

    private static string Article(string noun) => noun.Length > 0 && "aeiou".Contains(noun[0], StringComparison.Ordinal) ? "an" : "a";
}
