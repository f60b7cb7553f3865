using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Databrain.Cli;

/// <summary>
/// The <c>databrain</c> command line. <see cref="RunAsync"/> takes the standard streams and the environment
/// as parameters, so tests run the whole tool in-process; <c>Program</c> passes the real console.
/// </summary>
public sealed class DatabrainCli
{
    /// <summary>The root command's description: what the tool does, where it connects, and every exit code.</summary>
    public const string Description =
        """
        Manage DataBrain datasources: create, update, list, delete and sync, or apply a definitions file.

        Connection: --base-url or $DATABRAIN_BASE_URL (default https://api.usedatabrain.com).
        Service token: $DATABRAIN_SERVICE_TOKEN, or --token-file <path>; never a flag value, never printed.
        Errors go to standard error as 'error: CODE: message' (CODE as the server sent it, or the tool's
        own: USAGE, INPUT_ERROR, VALIDATION_ERROR, MISSING_TOKEN, CONNECTION_ERROR, TIMEOUT, ...).

        Exit codes:
          0    success
          2    invalid input, nothing sent: usage error, unreadable or non-JSON file (INPUT_ERROR),
               invalid credentials or tenancy settings (every problem listed), no service token
          3    authentication failed
          4    not found: no datasource with that name (update, delete) or id (sync)
          5    name conflict: a datasource with that name already exists (create)
          6    credential test failed: DataBrain could not connect with these credentials
          7    rate limited
          8    any other error answer from DataBrain
          9    no answer: connection failure, timeout, or outcome unknown
          10   apply: applied with failures (each listed as 'error: CODE: name: message')
          1    unexpected failure (a bug in this tool)
          130  interrupted
        """;

    /// <summary>
    /// Whether standard output is a terminal: <c>datasource apply</c> then shows a live progress line instead of a line
    /// per finished step. <c>Program</c> sets it; tests leave it <see langword="false"/>, as for a pipe or a CI log.
    /// </summary>
    public bool IsTerminal { get; init; }

    /// <summary>Runs one command line.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="stdin">Read for <c>--credentials -</c> and <c>--tenancy -</c>.</param>
    /// <param name="stdout">Receives the command's result (and help).</param>
    /// <param name="stderr">Receives <c>error: CODE: message</c> lines.</param>
    /// <param name="environment">
    /// The environment variables (<c>DATABRAIN_BASE_URL</c>, <c>DATABRAIN_SERVICE_TOKEN</c>, and those a definitions
    /// file names in <c>${env:NAME}</c>); only these are read.
    /// </param>
    /// <param name="cancellationToken">Interrupts the command (Ctrl+C); it then exits with 130.</param>
    /// <returns>The exit code; see <see cref="ExitCodes"/>.</returns>
    public async Task<int> RunAsync(
        string[] args,
        TextReader stdin,
        TextWriter stdout,
        TextWriter stderr,
        IDictionary<string, string?> environment,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);

        var masker = new SecretMasker();
        var output = new CliOutput(stdout, stderr, masker);
        var options = new GlobalOptions();
        var session = new CliSession(stdin, output, environment, options, IsTerminal);
        // Masked from the start: a token pasted into the command line by mistake is not echoed back in a usage error.
        masker.Add(session.Variable(GlobalOptions.TokenVariable)?.Trim());

        try
        {
            return await ParseAndInvokeAsync(args, session, options, output, stdout, stderr, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // Commands report their own failures; this catches the rest (the parser's, say) so that no
            // stack trace, and no secret in one, ever reaches the terminal.
            var error = FailureMapper.Map(exception);
            await output.WriteErrorAsync(error).ConfigureAwait(false);
            return error.ExitCode;
        }
    }

    private static async Task<int> ParseAndInvokeAsync(
        string[] args,
        CliSession session,
        GlobalOptions options,
        CliOutput output,
        TextWriter stdout,
        TextWriter stderr,
        CancellationToken cancellationToken)
    {
        var root = BuildRootCommand(session, options);
        // A plain Command also accepts its own name as the first token; naming it here makes a
        // repeated program name ("databrain databrain ...") the usage error it is.
        var parseResult = root.Parse([root.Name, .. args]);
        if (parseResult.Action is ParseErrorAction)
        {
            // "--token abc": say what works instead of only "Unrecognized command or argument", and never echo abc.
            if (TokenFlagMistake.Find(args, output.Masker) is { } tokenFlag)
            {
                await output.WriteErrorAsync(tokenFlag).ConfigureAwait(false);
                return tokenFlag.ExitCode;
            }

            var details = new List<string>();
            foreach (var extra in parseResult.Errors.Skip(1))
            {
                details.Add(extra.Message);
            }

            details.Add($"See '{CommandPath(parseResult)} --help'.");
            var usage = new CliError(ExitCodes.InvalidInput, CliErrorCodes.Usage, parseResult.Errors[0].Message, details);
            await output.WriteErrorAsync(usage).ConfigureAwait(false);
            return usage.ExitCode;
        }

        var invocation = new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,
            // Every failure is reported by CliSession.Guard; Ctrl+C is the caller's token (see Program).
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        return await parseResult.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }

    private static Command BuildRootCommand(CliSession session, GlobalOptions options)
    {
        // A plain Command named "databrain" rather than RootCommand, whose name is the executable's:
        // help reads "databrain" even when the tool runs inside a test host.
        var root = new Command("databrain", Description)
        {
            new HelpOption(),
            new VersionOption(),
            new DatasourceCommands(session).Build(),
        };
        foreach (var option in options.All)
        {
            root.Add(option);
        }

        return root;
    }

    private static string CommandPath(ParseResult parseResult)
    {
        var names = new Stack<string>();
        for (var result = parseResult.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Push(result.Command.Name);
        }

        return string.Join(' ', names);
    }
}
