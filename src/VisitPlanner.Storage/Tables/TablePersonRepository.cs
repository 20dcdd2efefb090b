using Azure.Data.Tables;
using NodaTime;
using VisitPlanner.Core.Domain;
using VisitPlanner.Core.Repositories;
using VisitPlanner.Core.Time;

namespace VisitPlanner.Storage.Tables;

/// <summary>People: the profile row of their agenda partition ("p.{id}", "~profile").</summary>
public sealed class TablePersonRepository(VisitPlannerTables tables) : IPersonRepository
{
    public async Task<Person?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var profile = await ProfileRows.ReadAsync(tables, AgendaKey.Person(id), cancellationToken);
        return profile is null ? null : FromEntity(id, profile);
    }

    public async Task<bool> UpsertAsync(Person person, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync();
        var entity = new TableEntity(AgendaRows.PartitionKey(AgendaKey.Person(person.Id)), AgendaRows.Profile)
        {
            ["Kind"] = "person",
            ["Name"] = person.Name,
            ["Title"] = person.Title,
            ["Organization"] = person.Organization,
            ["Email"] = person.Email,
            ["TimeZone"] = person.TimeZone.Id,
            ["UpdatedAt"] = person.UpdatedAt.ToDateTimeOffset(),
        };
        return await ProfileRows.AddOrReplaceAsync(tables.Agendas, entity, cancellationToken);
    }

    internal static Person FromEntity(string id, TableEntity entity) =>
        new(id, entity.GetString("Name"), entity.GetString("Title"), entity.GetString("Organization"), entity.GetString("Email"),
            TimeZones.Find(entity.GetString("TimeZone") ?? "") ?? TimeZones.Default,
            Instant.FromDateTimeOffset(entity.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.UnixEpoch));
}
