using Databrain.Client.Models;
using Databrain.Client.Serialization;
using Databrain.Client.Validation;

namespace Databrain.Client;

/// <summary>
/// Checks credentials and tenancy settings against the DataBrain wire contract before anything is
/// sent: required fields, port ranges, the conditional rules of Snowflake, Elasticsearch/OpenSearch
/// and Trino, and enum values that have no wire form. Every problem is reported at once.
/// </summary>
/// <remarks>
/// A problem names the field by its wire path (<c>credentials.port</c>, <c>tenancySettings.tableName</c>)
/// and explains the rule in plain English. It never contains the field's value, which may be a secret.
/// </remarks>
public static class DatasourceValidator
{
    private const string TableTenancy = "tenancyLevel is \"TABLE\"";

    /// <summary>Finds every problem in <paramref name="credentials"/> and <paramref name="tenancySettings"/>.</summary>
    /// <param name="credentials">The credentials to check.</param>
    /// <param name="tenancySettings">The tenancy settings to check, if any will be sent.</param>
    /// <returns>Every problem, in field order; an empty list when the request is valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="credentials"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<ValidationProblem> Validate(DatasourceCredentials credentials, TenancySettings? tenancySettings = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var problems = new List<ValidationProblem>();
        if (credentials is CustomCredentials && string.IsNullOrWhiteSpace(credentials.DatasourceType.Value))
        {
            problems.Add(new ValidationProblem("datasourceType", "is required and must not be empty or white space."));
        }

        CheckCredentials(credentials, new ProblemCollector("credentials", problems).Required("name", credentials.Name));
        if (tenancySettings is not null)
        {
            CheckTenancy(tenancySettings, new ProblemCollector("tenancySettings", problems));
        }

        return problems;
    }

    /// <summary>Throws when <see cref="Validate"/> finds any problem.</summary>
    /// <param name="credentials">The credentials to check.</param>
    /// <param name="tenancySettings">The tenancy settings to check, if any will be sent.</param>
    /// <param name="operation">The operation about to run, recorded on the exception; <see langword="null"/> if none.</param>
    /// <exception cref="DatabrainValidationException">At least one problem was found; it lists them all.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="credentials"/> is <see langword="null"/>.</exception>
    public static void ThrowIfInvalid(DatasourceCredentials credentials, TenancySettings? tenancySettings, DatabrainOperation? operation)
    {
        var problems = Validate(credentials, tenancySettings);
        if (problems.Count > 0)
        {
            throw new DatabrainValidationException(operation, problems);
        }
    }

    /// <summary>Every problem in <paramref name="tenancySettings"/> alone (read from JSON before any credentials are known).</summary>
    internal static IReadOnlyList<ValidationProblem> ValidateTenancy(TenancySettings tenancySettings)
    {
        var problems = new List<ValidationProblem>();
        CheckTenancy(tenancySettings, new ProblemCollector("tenancySettings", problems));
        return problems;
    }

    // The rules of a documented type come from its row (CredentialRules has them, one per wire
    // shape). CustomCredentials has no row: it needs only its name, checked above.
    private static void CheckCredentials(DatasourceCredentials credentials, ProblemCollector check)
    {
        if (DatasourceTypeTable.TryGetByRecord(credentials.GetType(), out var row))
        {
            row.Check(credentials, check);
        }
    }

    private static void CheckTenancy(TenancySettings settings, ProblemCollector check)
    {
        var table = settings.TenancyLevel == TenancyLevel.Table;
        check.Defined("tenancyLevel", settings.TenancyLevel, TenancyLevelJsonConverter.Instance)
            .Defined("clientColumnType", settings.ClientColumnType, ClientColumnTypeJsonConverter.Instance)
            .RequiredWhen(table, TableTenancy, "clientColumnType", settings.ClientColumnType)
            .RequiredWhen(table, TableTenancy, "schemaName", settings.SchemaName)
            .RequiredWhen(table, TableTenancy, "tableName", settings.TableName)
            .RequiredWhen(table, TableTenancy, "tableClientNameColumn", settings.TableClientNameColumn)
            .RequiredWhen(table, TableTenancy, "tablePrimaryKeyColumn", settings.TablePrimaryKeyColumn);
    }
}
