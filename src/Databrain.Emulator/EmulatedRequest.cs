namespace Databrain.Emulator;

/// <summary>
/// One <c>/api</c> request as the emulator handled it, from <see cref="DatabrainEmulator.Requests"/> (recorded only
/// when <see cref="DatabrainEmulatorOptions.RecordRequests"/> is set). Holds no body, credential or token.
/// </summary>
public sealed class EmulatedRequest
{
    internal EmulatedRequest(long sequence, EmulatorOperation operation, string? datasourceName, EmulatedRequestDisposition disposition, int statusCode, string requestId)
    {
        Sequence = sequence;
        Operation = operation;
        DatasourceName = datasourceName;
        Disposition = disposition;
        StatusCode = statusCode;
        RequestId = requestId;
    }

    /// <summary>The order in which requests finished being handled, from 1.</summary>
    public long Sequence { get; }

    /// <summary>The operation the method and path name.</summary>
    public EmulatorOperation Operation { get; }

    /// <summary>
    /// The datasource the endpoint acted on (the body's or query's name; for a sync, the synced datasource's); <see langword="null"/>
    /// when the request was not processed, for a list, or when the request was refused before its name was read.
    /// </summary>
    public string? DatasourceName { get; }

    /// <summary>What the emulator did with it.</summary>
    public EmulatedRequestDisposition Disposition { get; }

    /// <summary>
    /// The status answered; for <see cref="EmulatedRequestDisposition.DroppedAfterProcessing"/> the status the endpoint
    /// chose but never sent; 0 for <see cref="EmulatedRequestDisposition.DroppedBeforeProcessing"/>.
    /// </summary>
    public int StatusCode { get; }

    /// <summary>Whether the endpoint ran: the request changed the state it would change.</summary>
    public bool IsProcessed => Disposition is EmulatedRequestDisposition.Answered or EmulatedRequestDisposition.DroppedAfterProcessing;

    /// <summary>The <c>x-request-id</c> the emulator gave it (sent only if an answer was).</summary>
    public string RequestId { get; }

    /// <summary>For example <c>#12 Create 'sales' DroppedAfterProcessing 200</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"#{Sequence} {Operation} '{DatasourceName}' {Disposition} {StatusCode}";
}
