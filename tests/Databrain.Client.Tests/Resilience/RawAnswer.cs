using System.Text;

namespace Databrain.Client.Tests.Resilience;

/// <summary>What <see cref="RawHttpServer"/> does with a request it has read.</summary>
public sealed record RawAnswer(RawAnswerKind Kind, int Status = 0, string BodyText = "")
{
    public byte[] Body { get; } = Encoding.UTF8.GetBytes(BodyText);

    public static RawAnswer Reset { get; } = new(RawAnswerKind.Reset);

    public static RawAnswer Close { get; } = new(RawAnswerKind.Close);

    public static RawAnswer CutOff(int status, string body) => new(RawAnswerKind.CutOffBody, status, body);

    public static RawAnswer Full(int status, string body) => new(RawAnswerKind.Full, status, body);
}
