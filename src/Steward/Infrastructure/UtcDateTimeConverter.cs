using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Steward.Infrastructure;

// SQLite hands instants back without a kind; every instant Steward stores is UTC, so say so both ways.
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
