using Databrain.Client.Models;

namespace Databrain.Client;

/// <summary>TEMPORARY STUB (replaced by the models branch).</summary>
public static class DatasourceValidator
{
    /// <summary>Stub.</summary>
    /// <param name="credentials">c</param>
    /// <param name="tenancySettings">t</param>
    /// <returns>problems</returns>
    public static IReadOnlyList<ValidationProblem> Validate(DatasourceCredentials credentials, TenancySettings? tenancySettings = null)
    {
        var problems = new List<ValidationProblem>();
        if (string.IsNullOrWhiteSpace(credentials.Name))
        {
            problems.Add(new ValidationProblem("credentials.name", "is required."));
        }

        if (credentials is PostgresFamilyCredentials p && (p.Port < 1 || p.Port > 65535))
        {
            problems.Add(new ValidationProblem("credentials.port", "must be between 1 and 65535."));
        }

        return problems;
    }

    /// <summary>Stub.</summary>
    /// <param name="credentials">c</param>
    /// <param name="tenancySettings">t</param>
    /// <param name="operation">o</param>
    public static void ThrowIfInvalid(DatasourceCredentials credentials, TenancySettings? tenancySettings, DatabrainOperation? operation)
    {
        var problems = Validate(credentials, tenancySettings);
        if (problems.Count > 0)
        {
            throw new DatabrainValidationException(operation, problems);
        }
    }
}
