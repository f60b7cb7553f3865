namespace Databrain.Client.Tests.Resilience;

public enum RawAnswerKind
{
    /// <summary>Reset the connection (RST) without answering.</summary>
    Reset,

    /// <summary>Close the connection (FIN) without answering: the client reads an early end of stream.</summary>
    Close,

    /// <summary>Send the status line, headers and half the body, then reset.</summary>
    CutOffBody,

    /// <summary>Answer in full.</summary>
    Full,
}
