using Databrain.Client;
using Databrain.Client.Models;

namespace Databrain.Cli;

/// <summary>
/// The body of a create or update, read from <c>--type</c>, <c>--credentials</c> and <c>--tenancy</c>:
/// wire-format JSON from a file, or from standard input for <c>-</c>.
/// </summary>
internal sealed record DatasourceInput(DatasourceCredentials Credentials, TenancySettings? TenancySettings)
{
    public const string StandardInput = "-";

    /// <summary>
    /// Reads and checks both inputs. Registers the secret credential values with <paramref name="masker"/>
    /// first, then reports every problem of both inputs at once.
    /// </summary>
    /// <exception cref="CliFailure">The type is empty, or an input cannot be read.</exception>
    /// <exception cref="DatabrainValidationException">The credentials or tenancy settings are invalid.</exception>
    public static async Task<DatasourceInput> ReadAsync(
        DatabrainOperation operation,
        string type,
        string credentialsPath,
        string? tenancyPath,
        TextReader stdin,
        SecretMasker masker,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(type))
        {
            throw CliFailure.InvalidInput(CliErrorCodes.Usage, "--type must not be empty.");
        }

        if (credentialsPath == StandardInput && tenancyPath == StandardInput)
        {
            throw CliFailure.InvalidInput(CliErrorCodes.Usage, "--credentials and --tenancy cannot both read standard input.");
        }

        var datasourceType = new DatasourceType(type.Trim());
        var credentialsJson = await ReadTextAsync("--credentials", credentialsPath, stdin, cancellationToken).ConfigureAwait(false);
        CredentialSecrets.AddTo(masker, datasourceType, credentialsJson);
        var tenancyJson = tenancyPath is null
            ? null
            : await ReadTextAsync("--tenancy", tenancyPath, stdin, cancellationToken).ConfigureAwait(false);

        // Text that is not JSON is an input error (exit 2, INPUT_ERROR) before any field is looked at.
        using var credentialsDocument = JsonInput.Parse("--credentials", credentialsPath, credentialsJson);
        using var tenancyDocument = tenancyJson is null ? null : JsonInput.Parse("--tenancy", tenancyPath!, tenancyJson);

        var problems = new List<ValidationProblem>();
        DatasourceCredentials? credentials = null;
        try
        {
            credentials = DatasourceCredentials.FromJson(datasourceType, credentialsDocument.RootElement);
        }
        catch (DatabrainValidationException exception)
        {
            problems.AddRange(exception.Problems);
        }

        TenancySettings? tenancySettings = null;
        try
        {
            tenancySettings = tenancyDocument is null ? null : TenancySettings.FromJson(tenancyDocument.RootElement);
        }
        catch (DatabrainValidationException exception)
        {
            problems.AddRange(exception.Problems);
        }

        if (problems.Count > 0 || credentials is null)
        {
            throw new DatabrainValidationException(operation, problems);
        }

        return new DatasourceInput(credentials, tenancySettings);
    }

    private static async Task<string> ReadTextAsync(string option, string path, TextReader stdin, CancellationToken cancellationToken)
    {
        if (path == StandardInput)
        {
            return await stdin.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }

        return await InputFile.ReadAllTextAsync(option, path, cancellationToken).ConfigureAwait(false);
    }
}
