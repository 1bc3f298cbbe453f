using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace RetroWalk.Scale;

/// <summary>
/// Writes entities of the app's model into their table with PostgreSQL's binary COPY. The columns, their order, their
/// store types and value conversions (enums as text, item scores as JSON) come from the app's EF Core model, so a
/// row is what the app itself would have saved and a new column cannot be forgotten here.
/// </summary>
internal sealed partial class BinaryCopy<T>
    where T : class
{
    private readonly List<(Func<T, object?> Read, string DataType)> columns = [];
    private readonly string command;

    public BinaryCopy(IModel model)
    {
        var entityType = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var names = new List<string>();
        foreach (var property in entityType.GetProperties())
        {
            var getter = property.GetGetter();
            var converter = property.GetTypeMapping().Converter;
            names.Add($"\"{property.GetColumnName(table)}\"");
            columns.Add((entity => getter.GetClrValue(entity) is { } value && converter is not null ? converter.ConvertToProvider(value) : getter.GetClrValue(entity),
                Facets().Replace(property.GetColumnType(), "")));
        }
        command = $"COPY \"{table.Name}\" ({string.Join(", ", names)}) FROM STDIN (FORMAT BINARY)";
    }

    /// <summary>Copies the rows in one COPY; returns how many.</summary>
    public async Task<long> WriteAsync(NpgsqlConnection connection, IEnumerable<T> rows, CancellationToken cancellationToken = default)
    {
        await using var importer = await connection.BeginBinaryImportAsync(command, cancellationToken);
        // The synchronous writes: millions of values, each an await otherwise; the importer buffers and flushes itself.
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            importer.StartRow();
            foreach (var (read, dataType) in columns)
            {
                if (read(row) is { } value)
                {
                    importer.Write(value, dataType);
                }
                else
                {
                    importer.WriteNull();
                }
            }
        }
        return (long)await importer.CompleteAsync(cancellationToken);
    }

    /// <summary>"character varying(400)" → "character varying": the importer needs the type, not its length or precision.</summary>
    [GeneratedRegex(@"\(\d+(,\d+)?\)")]
    private static partial Regex Facets();
}
