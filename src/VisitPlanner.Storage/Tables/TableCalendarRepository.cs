using Azure.Data.Tables;
using Azure;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Repositories;
using VisitPlanner.Core.Time;

namespace VisitPlanner.Storage.Tables;

/// <summary>Calendars: the profile row of their agenda partition ("c.{id}", "~profile").</summary>
public sealed class TableCalendarRepository(VisitPlannerTables tables) : ICalendarRepository
{
    public async Task<VisitCalendar?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var profile = await ProfileRows.ReadAsync(tables, AgendaKey.Calendar(id), cancellationToken);
        return profile is null ? null : FromEntity(id, profile);
    }

    public async Task<bool> UpsertAsync(VisitCalendar calendar, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var entity = new TableEntity(AgendaRows.PartitionKey(AgendaKey.Calendar(calendar.Id)), AgendaRows.Profile)
        {
            ["Kind"] = "calendar",
            ["Name"] = calendar.Name,
            ["Description"] = calendar.Description,
            ["TimeZone"] = calendar.TimeZone.Id,
            ["Visibility"] = calendar.Visibility.ToString().ToLowerInvariant(),
            ["ShowBanners"] = calendar.ShowBanners,
            ["AlarmMinutesBefore"] = calendar.AlarmMinutesBefore,
            ["RefreshMinutes"] = calendar.RefreshMinutes,
            // "studyTrip=navy;meeting=teal": only the kinds the calendar set, so a new default reaches the others.
            ["Colors"] = string.Join(";", calendar.Colors.OrderBy(c => c.Key).Select(c => $"{c.Key.ToWireName()}={c.Value}")),
            ["UpdatedAt"] = calendar.UpdatedAt.ToDateTimeOffset(),
        };
        return await ProfileRows.AddOrReplaceAsync(tables.Agendas, entity, cancellationToken);
    }

    internal static VisitCalendar FromEntity(string id, TableEntity entity) =>
        new(id, entity.GetString("Name"), entity.GetString("Description"),
            TimeZones.Find(entity.GetString("TimeZone")) ?? TimeZones.Default,
            Instant.FromDateTimeOffset(entity.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.UnixEpoch))
        {
            Visibility = entity.GetString("Visibility") == "public" ? Visibility.Public : Visibility.Private,
            ShowBanners = entity.GetBoolean("ShowBanners") ?? true,
            AlarmMinutesBefore = entity.GetInt32("AlarmMinutesBefore"),
            RefreshMinutes = entity.GetInt32("RefreshMinutes") ?? VisitCalendar.DefaultRefreshMinutes,
            Colors = ReadColors(entity.GetString("Colors")),
        };

    /// <summary>The colours a calendar set; a pair this version does not know (a kind or colour since removed) is left to the default.</summary>
    private static IReadOnlyDictionary<EventKind, string> ReadColors(string? stored)
    {
        var colors = new Dictionary<EventKind, string>();
        foreach (var pair in (stored ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=');
            if (parts.Length == 2 && EventKindNames.TryParse(parts[0], out var kind) && KindColors.IsColorName(parts[1])) colors[kind] = parts[1];
        }
        return colors;
    }
}

/// <summary>Reading and writing profile rows, shared by calendars and people.</summary>
internal static class ProfileRows
{
    public static async Task<TableEntity?> ReadAsync(VisitPlannerTables tables, AgendaKey agenda, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var response = await tables.Agendas.GetEntityIfExistsAsync<TableEntity>(AgendaRows.PartitionKey(agenda), AgendaRows.Profile, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>Inserts the row, or replaces it when it exists; true when it was inserted.</summary>
    public static async Task<bool> AddOrReplaceAsync(TableClient table, TableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            await table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Replace, cancellationToken);
            return false;
        }
    }
}
