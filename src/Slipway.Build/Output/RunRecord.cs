using System.Text;
using System.Text.Json;
using Slipway.Execution;
using Slipway.Hosts;
using Slipway.Tooling;

namespace Slipway.Output;

/// <summary>
/// <c>.nuke/temp/build-summary.json</c>: what one run did, for machines (a CodeBuild artifact, an audit trail): outcome, host, each planned
/// target's status, duration and notes, and the exported variables. Every text passes the secret masker.
/// </summary>
internal static class RunRecord
{
    public const string FileName = "build-summary.json";

    public static string Render(RunRecordInput input, SecretMasker masker)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            string Masked(string text) => masker.Mask(text);
            json.WriteStartObject();
            json.WriteString("build", input.BuildName);
            json.WriteString("outcome", input.Outcome);
            json.WriteString("started", input.Started.ToUniversalTime().ToString("O"));
            json.WriteString("finished", input.Finished.ToUniversalTime().ToString("O"));
            json.WriteNumber("durationSeconds", Math.Round((input.Finished - input.Started).TotalSeconds, 3));
            json.WriteStartObject("host");
            json.WriteString("name", input.Host.Name);
            foreach (var (key, value) in input.Host.RecordFields())
                json.WriteString(key, Masked(value));
            json.WriteEndObject();
            json.WriteStartArray("targets");
            foreach (var target in input.Plan)
            {
                json.WriteStartObject();
                json.WriteString("name", target.Name);
                json.WriteString("status", target.Status.ToString());
                json.WriteNumber("durationSeconds", Math.Round(target.Duration.TotalSeconds, 3));
                if (target.SkipReason is { } reason)
                    json.WriteString("reason", Masked(reason));
                if (target.Error is { } error)
                    json.WriteString("error", Masked(error.Message));
                List<KeyValuePair<string, string>> notes;
                lock (target.SummaryNotes)
                    notes = target.SummaryNotes.ToList();
                json.WriteStartArray("notes");
                foreach (var (key, value) in notes)
                {
                    json.WriteStartObject();
                    json.WriteString("key", key);
                    json.WriteString("value", Masked(value));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("exportedVariables");
            foreach (var (name, value) in input.ExportedVariables)
                json.WriteString(name, Masked(value));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}

/// <summary>What <see cref="RunRecord"/> writes about one run.</summary>
internal sealed record RunRecordInput(
    string BuildName,
    string Outcome,
    DateTimeOffset Started,
    DateTimeOffset Finished,
    Host Host,
    IReadOnlyList<ExecutableTarget> Plan,
    IReadOnlyList<KeyValuePair<string, string>> ExportedVariables);
