namespace Steward.Infrastructure.Registers;

// Marks a feature's class of page addresses. Pages, redirects and views name a page through it (
// RaidLinks.Risk(code, reference)) instead of typing its URL, and a test (PageLinksTests) calls every
// method of every marked class and checks the address against the app's own pages: a page whose route
// moves fails that test instead of leaving a dead link.
[AttributeUsage(AttributeTargets.Class)]
public sealed class PageLinksAttribute : Attribute;

public static class PageLink
{
    // One path segment, escaped: codes and references are plain today, but a link must not depend on it.
    public static string Segment(string value) => Uri.EscapeDataString(value);
}
