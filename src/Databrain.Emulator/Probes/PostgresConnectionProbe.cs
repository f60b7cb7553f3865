using System.Net.Sockets;
using Npgsql;

namespace Databrain.Emulator.Probes;

/// <summary>
/// Logs in to PostgreSQL (or Redshift) with the datasource's credentials and reads the tables and
/// columns of its schema from <c>information_schema</c>.
/// </summary>
internal sealed class PostgresConnectionProbe(TimeSpan connectTimeout) : IConnectionProbe
{
    private const string SchemaQuery = """
        SELECT t.table_name, c.column_name, c.data_type
        FROM information_schema.tables t
        LEFT JOIN information_schema.columns c
          ON c.table_schema = t.table_schema AND c.table_name = t.table_name
        WHERE t.table_schema = @schema
        ORDER BY t.table_name, c.ordinal_position
        """;

    public async ValueTask<ConnectionProbeResult> ProbeAsync(ConnectionProbeContext context, CancellationToken cancellationToken)
    {
        var password = context.GetString("password") ?? string.Empty;
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = context.GetString("host"),
            Port = context.GetInt32("port") ?? 5432,
            Username = context.GetString("username"),
            Password = password,
            Database = context.GetString("database"),
            SslMode = context.GetBoolean("sslMode") == true ? SslMode.Require : SslMode.Disable,
            Timeout = Math.Max(1, (int)Math.Ceiling(connectTimeout.TotalSeconds)),
            CommandTimeout = 30,
            Pooling = false,
            ApplicationName = "databrain-emulator",
        };

        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (Exception exception) when (IsConnectFailure(exception, cancellationToken))
        {
            return ConnectionProbeResult.CredentialTestFailed(
                SecretScrubber.Scrub("Credential test failed: " + Describe(exception), [password]));
        }

        try
        {
            var schema = await ReadSchemaAsync(connection, context.GetString("schema") ?? "public", cancellationToken);
            return ConnectionProbeResult.Success(schema);
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            return ConnectionProbeResult.SchemaCacheFailed(
                SecretScrubber.Scrub("Schema cache failed: " + Describe(exception), [password]));
        }
    }

    private static async Task<DatasourceSchema> ReadSchemaAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(SchemaQuery, connection);
        command.Parameters.AddWithValue("schema", schema);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tables = new List<SchemaTable>();
        string? current = null;
        List<SchemaColumn>? columns = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            var table = reader.GetString(0);
            if (!string.Equals(table, current, StringComparison.Ordinal))
            {
                current = table;
                columns = [];
                tables.Add(new SchemaTable(table, columns));
            }

            if (!reader.IsDBNull(1))
            {
                columns!.Add(new SchemaColumn(reader.GetString(1), reader.GetString(2)));
            }
        }

        return new DatasourceSchema(tables);
    }

    private static bool IsConnectFailure(Exception exception, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && exception is NpgsqlException or SocketException or TimeoutException or ArgumentException or InvalidOperationException;

    /// <summary>The driver's reason: the message of the exception and of each inner exception.</summary>
    private static string Describe(Exception exception)
    {
        var parts = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            var message = current.Message.Trim();
            if (message.Length > 0 && !parts.Exists(part => part.Contains(message, StringComparison.Ordinal)))
            {
                parts.Add(message);
            }
        }

        return string.Join(": ", parts);
    }
}
