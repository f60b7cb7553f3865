namespace Databrain.Client.Benchmarks.Floor;

/// <summary>The hand-written clients' typed failure: status and the error body's code.</summary>
public sealed class WireApiException : Exception
{
    public WireApiException()
    {
    }

    public WireApiException(string message)
        : base(message)
    {
    }

    public WireApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public WireApiException(int status, string? code, string? message)
        : base(message ?? $"HTTP {status}")
    {
        Status = status;
        Code = code;
    }

    public int Status { get; }

    public string? Code { get; }

    public bool IsNameConflict => Status == 400 && Code == "DATASOURCE_NAME_ERROR";
}
