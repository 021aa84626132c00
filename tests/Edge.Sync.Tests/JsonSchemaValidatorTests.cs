using System.Text;
using System.Text.Json.Nodes;
using Edge.Sync.Schema;
using Edge.Sync.Summaries;

namespace Edge.Sync.Tests;

public sealed class JsonSchemaValidatorTests
{
    private static JsonObject Valid()
    {
        var builder = new SummaryBuilder(DeviceSecret.FromText(new string('s', 40), "t"), "ct-1", "site");
        byte[] bytes = SummaryBuilder.Serialize(builder.Build(Support.PhiSeries.Create(), new Edge.Store.Documents.ResultRecord
        {
            Id = Guid.NewGuid(),
            Models = [new Edge.Store.Documents.ModelResult { Id = "m", Version = "1", Sha256 = new string('c', 64) }],
        }));
        return JsonNode.Parse(bytes)!.AsObject();
    }

    private static IReadOnlyList<string> Check(JsonObject doc) =>
        SummarySchema.Validator.Validate(Encoding.UTF8.GetBytes(doc.ToJsonString()));

    [Fact]
    public void A_built_summary_is_valid()
    {
        Assert.Empty(Check(Valid()));
    }

    [Theory]
    [InlineData("id", "\"not-a-uuid\"", "/id: does not match")]
    [InlineData("decision", "\"maybe\"", "/decision: must be one of")]
    [InlineData("schemaVersion", "\"2\"", "/schemaVersion: must be \"1\"")]
    [InlineData("sliceCount", "1.5", "/sliceCount: expected integer")]
    [InlineData("sliceCount", "-1", "/sliceCount: -1 is less than minimum 0")]
    [InlineData("studyKey", "\"1.2.840.10008\"", "/studyKey: does not match")]
    [InlineData("createdAt", "\"2024-01-01\"", "/createdAt: does not match")]
    [InlineData("patientName", "\"DOE^JOHN\"", "/patientName: property not allowed")]
    [InlineData("models", "[{\"id\":\"m\"}]", "/models/0: missing required property 'version'")]
    public void Violations_are_reported_with_their_path(string property, string json, string expected)
    {
        JsonObject doc = Valid();
        doc[property] = JsonNode.Parse(json);

        IReadOnlyList<string> errors = Check(doc);

        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_required_and_non_json_are_reported()
    {
        JsonObject doc = Valid();
        doc.Remove("deviceId");
        Assert.Contains("/: missing required property 'deviceId'", Check(doc));
        Assert.StartsWith("not JSON", SummarySchema.Validator.Validate("{"u8).Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_with_an_unsupported_keyword_is_refused_at_load()
    {
        Assert.Throws<NotSupportedException>(() => new JsonSchemaValidator("{\"oneOf\":[{\"type\":\"string\"}]}"));
        Assert.Throws<NotSupportedException>(() => new JsonSchemaValidator("{\"$ref\":\"#/$defs/missing\"}"));
    }
}
