using Databrain.Client.Pipeline;

namespace Databrain.Client;

/// <summary>
/// A create or delete may or may not have happened: the request may have reached DataBrain, but no answer came
/// (the attempt or the call timed out after sending, or the connection was reset or closed while waiting). The SDK
/// does not send it again, because a second create could fail with "name exists" or a second delete with "not
/// found" even though the first one worked.
/// </summary>
/// <remarks>
/// <see cref="DatasourceExists"/> says what a lookup by name found right after the failure (unless
/// <see cref="DatabrainClientOptions.VerifyUnknownOutcome"/> is off). The lookup answers only what the listing proves,
/// even while others create and delete (docs/resilience.md): for a create, <see langword="true"/> means it happened
/// (or someone created the same name meanwhile); for a delete, <see langword="false"/> means it happened (or someone
/// deleted it). <see langword="null"/>: unknown, look again later. The lookup runs within what is left of the call's
/// <see cref="DatabrainClientOptions.Timeout"/>; the message says when it did not run. <see cref="Exception.InnerException"/> is the SDK's own exception for the failure that ended the
/// call: a <see cref="DatabrainTimeoutException"/> or a <see cref="DatabrainConnectionException"/> (whose own inner
/// exception is the transport's).
/// </remarks>
public sealed class DatabrainOutcomeUnknownException : DatabrainException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The create or delete that ended without an answer.</param>
    /// <param name="datasourceName">The datasource's name.</param>
    /// <param name="datasourceExists">What the lookup found, or <see langword="null"/> when there was none or it could not tell.</param>
    /// <param name="innerException">The failure that ended the call; it must hold no secret and no request.</param>
    public DatabrainOutcomeUnknownException(
        DatabrainOperation operation, string datasourceName, bool? datasourceExists, Exception? innerException = null)
        : this(operation, datasourceName, datasourceExists, innerException, notLookedUp: null)
    {
    }

    // notLookedUp: why no lookup ran (switched off, no time left), said in the message.
    internal DatabrainOutcomeUnknownException(
        DatabrainOperation operation, string datasourceName, bool? datasourceExists, Exception? innerException, string? notLookedUp)
        : base(operation, BuildMessage(operation, datasourceName, datasourceExists, notLookedUp), innerException)
    {
        DatasourceName = datasourceName;
        DatasourceExists = datasourceExists;
    }

    /// <summary>The name of the datasource the create or delete was about.</summary>
    public string DatasourceName { get; }

    /// <summary>
    /// Whether a datasource with <see cref="DatasourceName"/> existed when the SDK looked right after the failure;
    /// <see langword="null"/> when it did not look (<see cref="DatabrainClientOptions.VerifyUnknownOutcome"/> is off, or
    /// no time was left), the lookup failed, or the listing kept changing while it was read.
    /// </summary>
    public bool? DatasourceExists { get; }

    private static string BuildMessage(DatabrainOperation operation, string datasourceName, bool? datasourceExists, string? notLookedUp)
    {
        var verb = operation.Verb();
        var found = datasourceExists switch
        {
            true => "a lookup found the datasource",
            false => "a lookup did not find the datasource",
            null when notLookedUp is not null => $"whether the datasource exists is unknown ({notLookedUp})",
            null => "whether the datasource exists is unknown",
        };
        return $"DataBrain {verb} of '{datasourceName}' may or may not have happened: the request may have reached the server " +
            $"but no answer came, so it was not sent again; {found}.";
    }
}
