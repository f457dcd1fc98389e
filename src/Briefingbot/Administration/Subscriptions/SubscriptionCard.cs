using Briefingbot.Dossiers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Briefingbot.Storage;
using Briefingbot.Kernel.Time;
using Briefingbot.Kernel.Replies;

namespace Briefingbot.Administration.Subscriptions;

/// <summary>Card data and Markdown text for a conversation's subscription: settings and the next delivery.</summary>
public static class SubscriptionCard
{
    public const string Template = CardNames.Subscription;

    public static string StatusText(SubscriptionStatus status) => status switch
    {
        SubscriptionStatus.Active => "actief",
        SubscriptionStatus.Paused => "gepauzeerd",
        SubscriptionStatus.Inactive => "inactief (bot verwijderd)",
        _ => "opgezegd",
    };

    public static string ScheduleText(Subscription s) =>
        $"elke {DutchDates.WeekdayName(s.DayOfWeek)} om {s.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture)} ({ZoneText(s.TimeZone)})";

    /// <summary>"Nederlandse tijd" for the default zone; another zone by its IANA id, as it is typed (a visual review).</summary>
    public static string ZoneText(string zone) =>
        string.Equals(zone, "Europe/Amsterdam", StringComparison.OrdinalIgnoreCase) ? "Nederlandse tijd" : zone;

    public static string TopicsText(Subscription s) => s.Topics.Count == 0 ? "alle onderwerpen" : string.Join(", ", s.Topics);

    /// <summary>
    /// The subscription's topics as the briefing and the alerts follow them: a topic an admin deleted since is named
    /// as gone, and when none is left they follow every topic (a QA pass: after `onderwerp verwijderen drones` the card
    /// still said "Onderwerpen: drones, oekraine" and `abonneer direct` promised alerts on drones, while the briefing
    /// showed oekraine only). <paramref name="existing"/> null: the topics are not known here, shown as saved.
    /// </summary>
    public static string TopicsText(Subscription s, IReadOnlySet<string>? existing)
    {
        if (existing is null || s.Topics.Count == 0)
        {
            return TopicsText(s);
        }
        var gone = s.Topics.Where(t => !existing.Contains(t)).ToList();
        if (gone.Count == 0)
        {
            return TopicsText(s);
        }
        var goneText = $"{string.Join(", ", gone)} {(gone.Count == 1 ? "bestaat" : "bestaan")} niet meer";
        var live = s.Topics.Where(existing.Contains).ToList();
        return live.Count == 0
            ? $"alle onderwerpen ({goneText}; kies met ‘abonneer ‹onderwerp …›’)"
            : $"{string.Join(", ", live)} ({goneText})";
    }

    /// <summary>
    /// The next delivery, in the subscription's own zone, or null when none is planned (paused, cancelled). Computed
    /// with the scheduler's own arithmetic (<see cref="BriefingSchedule"/>, Quartz's cron in the IANA zone), so what the
    /// card promises is exactly when the trigger fires, DST included.
    /// </summary>
    public static DateTimeOffset? NextDelivery(Subscription s, DateTimeOffset now)
    {
        if (s.Status != SubscriptionStatus.Active || !TimeZones.TryFind(s.TimeZone, out var zone))
        {
            return null;
        }
        var next = BriefingSchedule.For(s).NextAfter(now);
        return TimeZoneInfo.ConvertTime(next, zone);
    }

    /// <param name="instantAlerts">Whether the conversation has instant alerts on (<c>abonneer direct</c>); null when
    /// the host has no alerts (the line is left out).</param>
    /// <param name="existingTopics">The topics that exist now (a deleted one is named as gone); null: shown as saved.</param>
    public static (JsonObject Data, string Markdown) Build(string headline, Subscription s, DateTimeOffset now, bool? instantAlerts = null,
        IReadOnlySet<string>? existingTopics = null)
    {
        var topics = TopicsText(s, existingTopics);
        var next = NextDelivery(s, now);
        var nextText = next is { } n
            ? $"{DutchDates.WeekdayName(n.DayOfWeek)} {DutchDates.FormatMoment(n)} ({ZoneText(s.TimeZone)})"
            : s.Status == SubscriptionStatus.Paused ? "geen: gepauzeerd (typ `hervat`)" : "geen";
        var data = new JsonObject
        {
            ["title"] = "Abonnement op de weekbriefing",
            ["headline"] = headline,
            ["status"] = StatusText(s.Status),
            ["schedule"] = ScheduleText(s),
            ["topics"] = topics,
            ["nextDelivery"] = nextText,
            ["nextDeliveryUtc"] = next?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "",
            ["isActive"] = s.Status == SubscriptionStatus.Active,
            ["howTo"] = HowTo(s.Status),
            // A visual review: after "abonneer direct" the card did not say the alerts were on.
            ["hasInstantAlerts"] = instantAlerts is not null,
            ["instantAlerts"] = InstantAlertsText(instantAlerts, s.Status),
        };
        var text = new StringBuilder();
        text.Append(headline).Append("\n\n")
            .Append("- Status: ").Append(StatusText(s.Status)).Append('\n')
            .Append("- Schema: ").Append(ScheduleText(s)).Append('\n')
            .Append("- Onderwerpen: ").Append(topics).Append('\n')
            .Append("- Volgende briefing: ").Append(nextText);
        if (instantAlerts is not null)
        {
            text.Append('\n').Append("- Directe meldingen: ").Append(InstantAlertsText(instantAlerts, s.Status));
        }
        return (data, text.ToString());
    }

    private static string InstantAlertsText(bool? on, SubscriptionStatus status) => on switch
    {
        // Alerts follow the subscription's status (LetterAlertDispatcher): "aan" under a cancelled one promised alerts
        // that never come (a QA pass).
        true when status != SubscriptionStatus.Active => $"aan, maar zolang het abonnement {StatusText(status)} is komen er geen meldingen",
        true => "aan (binnen het uur na een nieuwe brief; uit met ‘abonneer direct uit’)",
        false => "uit (aan met ‘abonneer direct’)",
        null => "",
    };

    /// <summary>What the user can do now: an inactive or cancelled subscription has nothing to pause (a QA pass).</summary>
    private static string HowTo(SubscriptionStatus status) => status switch
    {
        SubscriptionStatus.Inactive or SubscriptionStatus.Cancelled => "Typ ‘abonneer’ om het met dezelfde instellingen weer aan te zetten.",
        SubscriptionStatus.Paused => "Typ ‘hervat’ om het weer aan te zetten. Wijzig met ‘schema maandag 08:00 Europe/Amsterdam’, ‘abonneer ‹onderwerp …›’ of ‘opzeggen’.",
        _ => "Wijzig met ‘schema maandag 08:00 Europe/Amsterdam’, ‘abonneer ‹onderwerp …›’, ‘pauzeer’ of ‘opzeggen’.",
    };
}
