using Npgsql;

namespace RetroWalk.Web.Tests.Infrastructure;

/// <summary>
/// A throwaway database on the real PostgreSQL server named by RETROWALK_TEST_POSTGRES (scripts/test.sh
/// starts one). Never the developer's data: every instance creates its own database and drops it.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string server;

    private TestDatabase(string server, string name)
    {
        this.server = server;
        Name = name;
        ConnectionString = $"{server};Database={name}";
    }

    public string Name { get; }
    public string ConnectionString { get; }

    /// <param name="server">A server-level connection string; by default the shared test server.</param>
    public static async Task<TestDatabase> CreateAsync(string? server = null)
    {
        server ??= Environment.GetEnvironmentVariable("RETROWALK_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                "RETROWALK_TEST_POSTGRES is not set. Run the tests with scripts/test.sh, which starts a private PostgreSQL server.");
        }
        var database = new TestDatabase(server, $"rw_test_{Guid.NewGuid():N}");
        await database.ExecuteAsync($"CREATE DATABASE \"{database.Name}\"");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection($"{server};Database=postgres");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
