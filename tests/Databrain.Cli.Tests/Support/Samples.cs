namespace Databrain.Cli.Tests.Support;

/// <summary>Wire-format inputs used across the tests.</summary>
public static class Samples
{
    public const string Password = "securepassword";

    /// <summary>The spec's documented Postgres example, byte for byte the <c>credentials</c> object.</summary>
    public static string Postgres(string name = "production-postgres", string password = Password) =>
        $$"""
        {
          "name": "{{name}}",
          "host": "db.example.com",
          "port": 5432,
          "username": "dbuser",
          "password": "{{password}}",
          "database": "analytics",
          "schema": "public"
        }
        """;

    public const string TableTenancy =
        """
        {"tenancyLevel": "TABLE", "clientColumnType": "NUMBER", "schemaName": "public", "tableName": "clients",
         "tableClientNameColumn": "name", "tablePrimaryKeyColumn": "id"}
        """;
}
