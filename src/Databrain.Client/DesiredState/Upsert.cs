using Databrain.Client.Diagnostics;
using Databrain.Client.Models;
using Microsoft.Extensions.Logging;

namespace Databrain.Client.DesiredState;

/// <summary>
/// Create, or update when the name exists, through the client's own (virtual) create and update. Every path, with
/// at most three writes and no loop:
/// <list type="number">
/// <item>The create succeeds: created.</item>
/// <item>The create answers "name exists" (<see cref="DatasourceNameConflictException"/>): update.</item>
/// <item>The create got no answer (<see cref="DatabrainOutcomeUnknownException"/>) and the lookup found the name or
/// could not tell: update (an update of a datasource the lost create made sends the same credentials again).</item>
/// <item>The create got no answer and the lookup proved the name absent: the create did not happen, so it is sent
/// once more.</item>
/// <item>The update (of 2 or 3) answers "not found" (<see cref="DatasourceNotFoundException"/>: deleted since the
/// conflict, or the lost create never happened): the create is sent once more.</item>
/// <item>The second create's answer is final: its result, or its exception (a conflict again, say) for the caller.</item>
/// </list>
/// Any other failure of a create or an update is the caller's at once.
/// </summary>
internal static class Upsert
{
    private const string Updating = "updating instead";
    private const string CreatingAgain = "creating it once more";

    public static async Task<UpsertDatasourceResult> RunAsync(
        DatabrainClient client, DatasourceCredentials credentials, TenancySettings? tenancySettings, DatabrainRequestOptions? requestOptions,
        ILogger logger, CancellationToken cancellationToken)
    {
        string reason;
        try
        {
            return Created(await client.CreateDatasourceAsync(credentials, tenancySettings, requestOptions, cancellationToken).ConfigureAwait(false));
        }
        catch (DatasourceNameConflictException)
        {
            reason = "the name exists";
        }
        catch (DatabrainOutcomeUnknownException unknown) when (unknown.DatasourceExists == false)
        {
            // A complete pass over the listing did not show the name: the create did not happen.
            Log(logger, credentials, "the create got no answer and a lookup did not find the name", CreatingAgain);
            return await CreateAgainAsync(client, credentials, tenancySettings, requestOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (DatabrainOutcomeUnknownException unknown)
        {
            reason = unknown.DatasourceExists == true
                ? "the create got no answer and a lookup found the name"
                : "the create got no answer and whether it happened is unknown";
        }

        Log(logger, credentials, reason, Updating);
        try
        {
            return Updated(await client.UpdateDatasourceAsync(credentials, tenancySettings, requestOptions, cancellationToken).ConfigureAwait(false));
        }
        catch (DatasourceNotFoundException)
        {
            Log(logger, credentials, "the update found no datasource with the name", CreatingAgain);
        }

        return await CreateAgainAsync(client, credentials, tenancySettings, requestOptions, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<UpsertDatasourceResult> CreateAgainAsync(
        DatabrainClient client, DatasourceCredentials credentials, TenancySettings? tenancySettings, DatabrainRequestOptions? requestOptions,
        CancellationToken cancellationToken) =>
        Created(await client.CreateDatasourceAsync(credentials, tenancySettings, requestOptions, cancellationToken).ConfigureAwait(false));

    private static UpsertDatasourceResult Created(CreateDatasourceResult created) =>
        new(UpsertAction.Created, created.Name, created.Id, created.Status, created.RequestId);

    private static UpsertDatasourceResult Updated(UpdateDatasourceResult updated) =>
        new(UpsertAction.Updated, updated.Name, updated.Id, updated.Status, updated.RequestId);

    private static void Log(ILogger logger, DatasourceCredentials credentials, string reason, string next) =>
        ClientLog.UpsertFallback(logger, credentials.DatasourceType.Value, credentials.Name, reason, next);
}
