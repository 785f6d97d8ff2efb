using System.Globalization;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.History;
using Steward.Features.People;
using Steward.Infrastructure;
using Steward.Infrastructure.Work;

namespace Steward.Features.Notifications;

public sealed record KindChoice(string Kind, string Label, Delivery Delivery);

public sealed record NotificationPreferencesView(string DigestAt, IReadOnlyList<KindChoice> Kinds, string? Email, string? EmailRefused, int Version);

// digestAt: "HH:mm", UK time. kinds: kind key to immediately, digest or off; a kind not named keeps its choice.
// resumeEmail: e-mail again an address the mail server refused (once it has been put right).
public sealed record NotificationPreferencesInput(string? DigestAt, IReadOnlyDictionary<string, string>? Kinds, bool? ResumeEmail = null);

// The signed-in person's choices of what they hear about and when.
public sealed class NotificationPreferences(StewardDbContext db, ChangeContext who, IEnumerable<IWorkSource> sources, IEnumerable<INewsSource> news)
{
    // The work people are given, then the news they may hear of.
    public IReadOnlyList<WorkKind> Kinds { get; } = sources.SelectMany(s => s.Kinds).Concat(news.SelectMany(n => n.Kinds)).ToList();

    public async Task<NotificationPreferencesView> MineAsync(CancellationToken ct)
    {
        var person = await RequirePersonAsync(ct);
        var settings = await db.NotificationSettings.AsNoTracking().FirstOrDefaultAsync(s => s.PersonId == person, ct) ?? new NotificationSettings { PersonId = person };
        var email = await db.People.Where(p => p.Id == person).Select(p => p.Email).FirstAsync(ct);
        return View(settings, email);
    }

    public async Task<NotificationPreferencesView> SetAsync(NotificationPreferencesInput input, int? version, CancellationToken ct)
    {
        var person = await RequirePersonAsync(ct);
        var failures = new List<ValidationFailure>();
        TimeOnly? digestAt = null;
        if (input.DigestAt is not null)
        {
            if (TimeOnly.TryParseExact(input.DigestAt.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            {
                digestAt = at;
            }
            else
            {
                failures.Add(new("digestAt", $"'{input.DigestAt}' is not a time of day: give hours and minutes from 00:00 to 23:59, such as 07:30"));
            }
        }

        var chosen = new Dictionary<string, Delivery>();
        foreach (var (kind, value) in input.Kinds ?? new Dictionary<string, string>())
        {
            if (Kinds.All(k => k.Key != kind))
            {
                failures.Add(new($"kinds.{kind}", $"There is no kind of message '{kind}': use one of {string.Join(", ", Kinds.Select(k => k.Key))}"));
            }
            else if (!EnumText.TryParse<Delivery>(value, out var delivery))
            {
                failures.Add(new($"kinds.{kind}", $"'{value}' is not a choice: use immediately, digest or off"));
            }
            else
            {
                chosen[kind] = delivery;
            }
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        var settings = await db.NotificationSettings.FirstOrDefaultAsync(s => s.PersonId == person, ct);
        // Choices never made are version 0, as GET says.
        if (version is { } expected && expected != (settings?.Version ?? 0))
        {
            throw new StaleVersionException("notification settings", expected, settings?.Version ?? 0);
        }

        if (settings is null)
        {
            settings = new NotificationSettings { PersonId = person };
            db.NotificationSettings.Add(settings);
        }

        settings.DigestAt = digestAt ?? settings.DigestAt;
        if (input.ResumeEmail == true)
        {
            settings.EmailRefusedAt = null;
            settings.EmailRefusedAddress = null;
            settings.EmailRefusedReason = null;
        }

        var choices = Choices(settings);
        foreach (var (kind, delivery) in chosen)
        {
            choices[kind] = delivery;
        }

        settings.Choices = JsonSerializer.Serialize(choices.ToDictionary(c => c.Key, c => EnumText.Of(c.Value)));
        settings.Version++;
        await db.SaveChangesAsync(ct);
        return await MineAsync(ct);
    }

    // From the signed link in an e-mail, without signing in: those kinds are turned off for that person.
    public async Task UnsubscribeAsync(Unsubscription from, CancellationToken ct)
    {
        var settings = await db.NotificationSettings.FirstOrDefaultAsync(s => s.PersonId == from.PersonId, ct);
        if (settings is null)
        {
            if (!await db.People.AnyAsync(p => p.Id == from.PersonId, ct))
            {
                return;
            }

            settings = new NotificationSettings { PersonId = from.PersonId };
            db.NotificationSettings.Add(settings);
        }

        var choices = Choices(settings);
        foreach (var kind in from.Kinds.Where(k => Kinds.Any(known => known.Key == k)))
        {
            choices[kind] = Delivery.Off;
        }

        settings.Choices = JsonSerializer.Serialize(choices.ToDictionary(c => c.Key, c => EnumText.Of(c.Value)));
        settings.Version++;
        await db.SaveChangesAsync(ct);
    }

    public string LabelsOf(IEnumerable<string> kinds) =>
        string.Join(", ", kinds.Select(k => Kinds.FirstOrDefault(known => known.Key == k)?.Label.ToLowerInvariant()).OfType<string>());

    public static Dictionary<string, Delivery> Choices(NotificationSettings settings) =>
        (JsonSerializer.Deserialize<Dictionary<string, string>>(settings.Choices) ?? [])
            .Where(c => EnumText.TryParse<Delivery>(c.Value, out _))
            .ToDictionary(c => c.Key, c => EnumText.TryParse<Delivery>(c.Value, out var d) ? d : Delivery.Digest);

    public static Delivery ChoiceFor(Dictionary<string, Delivery> choices, WorkKind kind) =>
        choices.TryGetValue(kind.Key, out var chosen) ? chosen : NotificationDefaults.For(kind);

    private NotificationPreferencesView View(NotificationSettings settings, string? email)
    {
        var choices = Choices(settings);
        return new(settings.DigestAt.ToString("HH:mm", CultureInfo.InvariantCulture),
            Kinds.Select(k => new KindChoice(k.Key, k.Label, ChoiceFor(choices, k))).ToList(),
            string.IsNullOrWhiteSpace(email) ? null : email,
            settings.EmailRefusedAt is null ? null : $"Mail to {settings.EmailRefusedAddress} was refused on {UkFormat.Date(settings.EmailRefusedAt)}: {settings.EmailRefusedReason}",
            settings.Version);
    }

    private async Task<Guid> RequirePersonAsync(CancellationToken ct) =>
        await ActingPerson.IdAsync(db, who, ct) ?? throw new ValidationException([new ValidationFailure("person", "Your account is not linked to a person in Steward, so nothing is assigned to you to be told about")]);
}
