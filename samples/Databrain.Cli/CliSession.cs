using System.CommandLine;
using System.Reflection;
using Databrain.Client;

namespace Databrain.Cli;

/// <summary>
/// One run of the tool: its standard streams and environment, the global options, and the error
/// handling every command shares.
/// </summary>
internal sealed class CliSession(
    TextReader stdin, CliOutput output, IDictionary<string, string?> environment, GlobalOptions options, bool isTerminal)
{
    // The version MinVer stamps (0.1.0-alpha.0.34, say), without the commit after '+': the assembly version is only major.0.0.0.
    private static readonly string UserAgent =
        "databrain-cli/" + (typeof(CliSession).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0");

    public TextReader Stdin => stdin;

    public CliOutput Output => output;

    /// <summary>Whether standard output is a terminal (a live progress display), not a file or a pipe.</summary>
    public bool IsTerminal => isTerminal;

    public OutputFormat Format(ParseResult parseResult) =>
        parseResult.GetValue(options.Output) == "json" ? OutputFormat.Json : OutputFormat.Text;

    /// <summary>
    /// Wraps a command's body: any failure becomes its <c>error: CODE: message</c> on standard error and
    /// its exit code (see <see cref="FailureMapper"/>).
    /// </summary>
    public Func<ParseResult, CancellationToken, Task<int>> Guard(Func<ParseResult, CancellationToken, Task> body) =>
        Guard(async (parseResult, cancellationToken) =>
        {
            await body(parseResult, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });

    /// <summary>As <see cref="Guard(Func{ParseResult, CancellationToken, Task})"/>, for a body that decides its own exit code.</summary>
    public Func<ParseResult, CancellationToken, Task<int>> Guard(Func<ParseResult, CancellationToken, Task<int>> body) =>
        async (parseResult, cancellationToken) =>
        {
            try
            {
                return await body(parseResult, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                var error = FailureMapper.Map(exception);
                await output.WriteErrorAsync(error).ConfigureAwait(false);
                return error.ExitCode;
            }
        };

    /// <summary>A client for the base address and token this run was given; <paramref name="configure"/> sets a command's own options.</summary>
    /// <exception cref="CliFailure">No token, an unreadable token file, or an invalid base address.</exception>
    public async Task<DatabrainClient> CreateClientAsync(
        ParseResult parseResult, CancellationToken cancellationToken, Action<DatabrainClientOptions>? configure = null)
    {
        var token = await ReadTokenAsync(parseResult, cancellationToken).ConfigureAwait(false);
        var baseAddress = ResolveBaseAddress(parseResult);
        var clientOptions = new DatabrainClientOptions { BaseAddress = baseAddress, ServiceToken = token, UserAgent = UserAgent };
        configure?.Invoke(clientOptions);
        var problems = clientOptions.Validate();
        if (problems.Count > 0)
        {
            throw CliFailure.InvalidInput(CliErrorCodes.Usage, $"invalid base URL '{baseAddress}': {string.Join(" ", problems)}");
        }

        return new DatabrainClient(clientOptions);
    }

    private async Task<string> ReadTokenAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        string? token;
        if (parseResult.GetValue(options.TokenFile) is { } path)
        {
            token = await TokenFile.ReadAsync(path, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            token = Variable(GlobalOptions.TokenVariable)?.Trim();
            if (string.IsNullOrEmpty(token))
            {
                throw CliFailure.InvalidInput(
                    CliErrorCodes.MissingToken, $"no service token: set {GlobalOptions.TokenVariable} or pass --token-file <path>.");
            }
        }

        output.Masker.Add(token);
        return token;
    }

    private Uri ResolveBaseAddress(ParseResult parseResult)
    {
        var (source, text) = parseResult.GetValue(options.BaseUrl) is { } flag
            ? (options.BaseUrl.Name, flag)
            : Variable(GlobalOptions.BaseUrlVariable) is { Length: > 0 } variable
                ? (GlobalOptions.BaseUrlVariable, variable)
                : (null, null);
        if (text is null)
        {
            return DatabrainClientOptions.DefaultBaseAddress;
        }

        return Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri)
            ? uri
            : throw CliFailure.InvalidInput(CliErrorCodes.Usage, $"{source} '{text}' is not an absolute URL.");
    }

    /// <summary>The environment variable's value as it is (blank included), or <see langword="null"/> when unset: what <c>${env:NAME}</c> reads.</summary>
    public string? RawVariable(string name) => environment.TryGetValue(name, out var value) ? value : null;

    /// <summary>The environment variable's value, or <see langword="null"/> when unset or blank.</summary>
    public string? Variable(string name) =>
        environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}
