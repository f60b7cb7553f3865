using System.CommandLine;
using System.Globalization;
using Databrain.Client;
using Databrain.Client.Models;

namespace Databrain.Cli;

/// <summary>The <c>datasource</c> command and its subcommands: create, update, list, delete, sync, apply (<see cref="ApplyCommand"/>).</summary>
internal sealed class DatasourceCommands(CliSession session)
{
    private const string CredentialsHelp =
        "The wire-format credentials JSON object (as in DataBrain's API reference), from this file, or - for standard input";

    private const string TenancyHelp = "The wire-format tenancySettings JSON object, from this file, or - for standard input";

    public Command Build() => new("datasource", "Create, update, list, delete and sync DataBrain datasources, or apply a definitions file")
    {
        BuildWrite(DatabrainOperation.Create, "create", "Register a new datasource; DataBrain tests the connection first"),
        BuildWrite(DatabrainOperation.Update, "update", "Replace a datasource's credentials (found by credentials.name); omitting --tenancy keeps its tenancy settings"),
        BuildList(),
        BuildDelete(),
        BuildSync(),
        new ApplyCommand(session).Build(),
    };

    private Command BuildWrite(DatabrainOperation operation, string name, string description)
    {
        var type = new Option<string>("--type")
        {
            Description = "The datasourceType: one of the 17 documented types (postgres, snowflake, ...) or any newer one",
            HelpName = "type",
            Required = true,
        };
        var credentials = new Option<string>("--credentials") { Description = CredentialsHelp, HelpName = "file|-", Required = true };
        var tenancy = new Option<string?>("--tenancy") { Description = TenancyHelp, HelpName = "file|-" };
        var command = new Command(name, description) { type, credentials, tenancy };
        command.SetAction(session.Guard(async (parseResult, cancellationToken) =>
        {
            var client = await session.CreateClientAsync(parseResult, cancellationToken).ConfigureAwait(false);
            var input = await DatasourceInput.ReadAsync(
                operation,
                parseResult.GetRequiredValue(type),
                parseResult.GetRequiredValue(credentials),
                parseResult.GetValue(tenancy),
                session.Stdin,
                session.Output.Masker,
                cancellationToken).ConfigureAwait(false);
            if (input.Credentials is CustomCredentials custom)
            {
                // The escape hatch: say so, so that a type the user meant as a known one is not sent unnoticed.
                await session.Output.WriteNoteAsync(
                    $"\"{custom.DatasourceType}\" is not a datasource type this SDK knows; sending its fields as they are.").ConfigureAwait(false);
            }

            var (datasourceName, requestId) = operation == DatabrainOperation.Create
                ? Named(await client.CreateDatasourceAsync(input.Credentials, input.TenancySettings, cancellationToken).ConfigureAwait(false))
                : Named(await client.UpdateDatasourceAsync(input.Credentials, input.TenancySettings, cancellationToken).ConfigureAwait(false));

            var done = operation == DatabrainOperation.Create ? "created" : "updated";
            await WriteAsync(
                parseResult,
                $"{done}: {datasourceName}",
                json =>
                {
                    json.WriteString("name", session.Output.Mask(datasourceName));
                    WriteStringIfPresent(json, "requestId", requestId);
                }).ConfigureAwait(false);
        }));
        return command;
    }

    private Command BuildList()
    {
        var page = new Option<int?>("--page")
        {
            Description = $"Only this 1-based page ({DatasourcePage.PageSize} names a page); without it, every page",
            HelpName = "n",
            CustomParser = result =>
            {
                var text = result.Tokens[0].Value;
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1)
                {
                    return number;
                }

                result.AddError($"--page must be a whole number, 1 or more: '{text}' is not.");
                return null;
            },
        };
        var command = new Command("list", "List datasource names, one a line") { page };
        command.SetAction(session.Guard(async (parseResult, cancellationToken) =>
        {
            var client = await session.CreateClientAsync(parseResult, cancellationToken).ConfigureAwait(false);
            if (parseResult.GetValue(page) is { } pageNumber)
            {
                var result = await client.GetDatasourcePageAsync(pageNumber, cancellationToken).ConfigureAwait(false);
                await WriteNamesAsync(parseResult, result.Items.Select(item => item.Name).ToList(), result).ConfigureAwait(false);
                return;
            }

            if (session.Format(parseResult) == OutputFormat.Text)
            {
                // Stream: names appear as pages arrive.
                await foreach (var item in client.ListDatasourcesAsync(cancellationToken).ConfigureAwait(false))
                {
                    await session.Output.WriteLineAsync(item.Name).ConfigureAwait(false);
                }

                return;
            }

            var names = new List<string>();
            await foreach (var item in client.ListDatasourcesAsync(cancellationToken).ConfigureAwait(false))
            {
                names.Add(item.Name);
            }

            await WriteNamesAsync(parseResult, names, page: null).ConfigureAwait(false);
        }));
        return command;
    }

    private Command BuildDelete()
    {
        var name = new Argument<string>("name") { Description = "The datasource's exact, case-sensitive name" };
        var command = new Command("delete", "Delete a datasource by name") { name };
        command.SetAction(session.Guard(async (parseResult, cancellationToken) =>
        {
            var datasourceName = RequireText(parseResult.GetRequiredValue(name), "the datasource name");
            var client = await session.CreateClientAsync(parseResult, cancellationToken).ConfigureAwait(false);
            var deleted = await client.DeleteDatasourceAsync(datasourceName, cancellationToken).ConfigureAwait(false);
            await WriteAsync(
                parseResult,
                deleted.Id is null ? $"deleted: {datasourceName}" : $"deleted: {datasourceName} (id {deleted.Id})",
                json =>
                {
                    json.WriteString("name", session.Output.Mask(datasourceName));
                    WriteStringOrNull(json, "id", deleted.Id);
                    WriteStringOrNull(json, "message", deleted.Message);
                    WriteStringIfPresent(json, "requestId", deleted.RequestId);
                }).ConfigureAwait(false);
        }));
        return command;
    }

    private Command BuildSync()
    {
        // Create, update and list answers carry no id (only delete's does, too late to sync): say where one really comes from.
        var id = new Argument<string>("datasource-id")
        {
            Description = "The datasource's id, not its name: in DataBrain's web app, the datasource's page has it in its address (?id=...)",
        };
        var command = new Command("sync", "Re-sync a datasource's schema") { id };
        command.SetAction(session.Guard(async (parseResult, cancellationToken) =>
        {
            var datasourceId = RequireText(parseResult.GetRequiredValue(id), "the datasource id");
            var client = await session.CreateClientAsync(parseResult, cancellationToken).ConfigureAwait(false);
            var synced = await client.SyncDatasourceAsync(datasourceId, cancellationToken).ConfigureAwait(false);
            var message = synced.Message;
            await WriteAsync(
                parseResult,
                message is null ? $"synced: {datasourceId}" : $"synced: {datasourceId} ({message})",
                json =>
                {
                    json.WriteString("datasourceId", session.Output.Mask(datasourceId));
                    WriteStringOrNull(json, "message", message);
                    WriteStringIfPresent(json, "requestId", synced.RequestId);
                }).ConfigureAwait(false);
        }));
        return command;
    }

    private static (string Name, string? RequestId) Named(CreateDatasourceResult created) => (created.Name, created.RequestId);

    private static (string Name, string? RequestId) Named(UpdateDatasourceResult updated) => (updated.Name, updated.RequestId);

    private async Task WriteNamesAsync(ParseResult parseResult, IReadOnlyList<string> names, DatasourcePage? page)
    {
        if (session.Format(parseResult) == OutputFormat.Text)
        {
            foreach (var name in names)
            {
                await session.Output.WriteLineAsync(name).ConfigureAwait(false);
            }

            return;
        }

        await session.Output.WriteJsonAsync(json =>
        {
            json.WriteStartObject();
            if (page is not null)
            {
                json.WriteNumber("page", page.PageNumber);
                json.WriteBoolean("isLastPage", page.IsLastPage);
                WriteStringIfPresent(json, "requestId", page.RequestId);
            }

            json.WriteStartArray("datasources");
            foreach (var name in names)
            {
                json.WriteStartObject();
                json.WriteString("name", session.Output.Mask(name));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }).ConfigureAwait(false);
    }

    /// <summary>Prints <paramref name="text"/>, or with <c>--output json</c> one object filled by <paramref name="writeProperties"/>.</summary>
    private Task WriteAsync(ParseResult parseResult, string text, Action<System.Text.Json.Utf8JsonWriter> writeProperties) =>
        session.Format(parseResult) == OutputFormat.Text
            ? session.Output.WriteLineAsync(text)
            : session.Output.WriteJsonAsync(json =>
            {
                json.WriteStartObject();
                writeProperties(json);
                json.WriteEndObject();
            });

    // The request id, to quote to DataBrain support: left out when the answer had none.
    private void WriteStringIfPresent(System.Text.Json.Utf8JsonWriter json, string property, string? value)
    {
        if (value is not null)
        {
            json.WriteString(property, session.Output.Mask(value));
        }
    }

    private void WriteStringOrNull(System.Text.Json.Utf8JsonWriter json, string property, string? value)
    {
        if (value is null)
        {
            json.WriteNull(property);
        }
        else
        {
            json.WriteString(property, session.Output.Mask(value));
        }
    }

    private static string RequireText(string value, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw CliFailure.InvalidInput(CliErrorCodes.Usage, $"{what} must not be empty.") : value;
}
