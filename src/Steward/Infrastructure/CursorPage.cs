namespace Steward.Infrastructure;

// The list shape every API collection answers with: { "items": [...], "nextCursor": "..." | null }.
public sealed record CursorPage<T>(IReadOnlyList<T> Items, string? NextCursor);
