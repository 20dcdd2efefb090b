using System.Text.Json;
using Azure.Data.Tables;
using VisitPlanner.DevTools.Azurite;
using VisitPlanner.Storage.Tables;

namespace VisitPlanner.Storage.Tests.Documents;

/// <summary>
/// Rows as a version of the app wrote them, committed under Documents/Fixtures (schema-N.json: table, keys and typed
/// properties, made by that version's own repositories), and loaded into tables of a test's own.
/// </summary>
internal static class StoredFixture
{
    public static string PathOf(int schema) => Path.Combine(RepositoryRoot.Find(), "tests", "VisitPlanner.Storage.Tests", "Documents", "Fixtures", $"schema-{schema}.json");

    public static IReadOnlyList<(string Table, TableEntity Entity)> Rows(int schema)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(PathOf(schema)));
        return json.RootElement.EnumerateArray().Select(row =>
        {
            var entity = new TableEntity(row.GetProperty("partitionKey").GetString(), row.GetProperty("rowKey").GetString());
            foreach (var property in row.GetProperty("properties").EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Null) continue;
                var typed = property.Value.EnumerateObject().Single();
                entity[property.Name] = typed.Name switch
                {
                    "binary" => Convert.FromBase64String(typed.Value.GetString()!),
                    "dateTime" => DateTimeOffset.Parse(typed.Value.GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                    "int" => typed.Value.GetInt32(),
                    "long" => typed.Value.GetInt64(),
                    "bool" => typed.Value.GetBoolean(),
                    "string" => typed.Value.GetString(),
                    _ => throw new InvalidDataException($"unknown property type {typed.Name}"),
                };
            }
            return (row.GetProperty("table").GetString()!, entity);
        }).ToArray();
    }

    public static async Task LoadAsync(VisitPlannerTables tables, int schema)
    {
        await tables.EnsureCreatedAsync();
        foreach (var (table, entity) in Rows(schema))
        {
            var client = table switch
            {
                "Events" => tables.Events,
                "Agendas" => tables.Agendas,
                "Completion" => tables.Completion,
                _ => throw new InvalidDataException(table),
            };
            await client.UpsertEntityAsync(entity, TableUpdateMode.Replace);
        }
    }
}
