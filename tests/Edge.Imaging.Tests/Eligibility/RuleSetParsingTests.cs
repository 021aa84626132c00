using Edge.Imaging.Eligibility;
using Edge.Imaging.Tests.Support;

namespace Edge.Imaging.Tests.Eligibility;

public sealed class RuleSetParsingTests
{
    [Theory]
    [InlineData("[1, 2", "not valid JSON")]
    [InlineData("[]", "$: rules must be a JSON object")]
    [InlineData("{}", "$: rules need a \"models\" array")]
    [InlineData("{\"models\": [{\"conditions\": {}}]}", "$.models[0].name: a non-empty string is required")]
    [InlineData("{\"models\": [{\"name\": \"a\"}]}", "$.models[0].conditions: an object")]
    [InlineData("{\"models\": [{\"name\": \"a\", \"conditions\": {\"Modality\": \"(\"}}]}", "$.models[0].conditions.Modality:")]
    [InlineData("{\"models\": [{\"name\": \"a\", \"conditions\": {\"SliceThickness\": [1, 2, 3]}}]}", "an array is either strings")]
    [InlineData("{\"models\": [{\"name\": \"a\", \"conditions\": {\"SliceThickness\": [5, 1]}}]}", "minimum 5 exceeds maximum 1")]
    [InlineData("{\"models\": [{\"name\": \"a\", \"conditions\": {\"SliceThickness\": {\"mni\": 1}}}]}", "$.models[0].conditions.SliceThickness.mni: unknown key")]
    [InlineData("{\"models\": [{\"name\": \"a\", \"conditions\": {\"Orientation\": \"Diagonal\"}}]}", "'Diagonal' is not Axial, Coronal, Sagittal or Oblique")]
    [InlineData("{\"models\": [{\"name\": \"a\", \"conditions\": {\"X\": null}}]}", "null is not a condition")]
    [InlineData("{\"models\": [{\"name\": \"a\", \"conditions\": {}}, {\"name\": \"A\", \"conditions\": {}}]}", "model name 'a' appears more than once")]
    public void Bad_rules_name_the_json_path_of_the_fault(string json, string message)
    {
        var e = Assert.Throws<RuleFormatException>(() => RuleSet.Parse(json));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Monai_style_selections_list_is_accepted()
    {
        RuleSet rules = RuleSet.Parse("""{"selections": [{"name": "CT Series", "conditions": {"Modality": "(?i)CT", "ImageType": ["PRIMARY", "!SECONDARY"]}}]}""");

        Assert.Equal("CT Series", Assert.Single(rules.Models).Name);
        Assert.IsType<RegexCondition>(rules.Models[0].Conditions[0]);
        Assert.IsType<SetCondition>(rules.Models[0].Conditions[1]);
    }

    [Fact]
    public void Each_json_form_becomes_its_operator()
    {
        RuleSet rules = RuleSet.Parse("""
            // Comments and trailing commas are allowed in hand-written rules.
            {"models": [{"name": "m", "description": "demo", "conditions": {
                "Modality": "CT", "SliceThickness": [0.5, 5], "SliceCount": ">= 40", "KVP": 120,
                "ImageType": ["ORIGINAL", "!LOCALIZER"], "Contrast": false, "Orientation": "Axial",
            }}]}
            """);

        Assert.Equal(
            [typeof(RegexCondition), typeof(RangeCondition), typeof(ComparisonCondition), typeof(NumberEqualsCondition), typeof(SetCondition), typeof(BooleanCondition), typeof(OrientationCondition)],
            rules.Models[0].Conditions.Select(c => c.GetType()));
        Assert.Equal("demo", rules.Models[0].Description);
    }

    [Fact]
    public void Missing_or_oversized_file_is_refused()
    {
        using var directory = new TestDirectory();
        Assert.Throws<RuleFormatException>(() => RuleSet.Load(directory.Combine("none.json")));
        string big = directory.Combine("big.json");
        File.WriteAllText(big, new string(' ', RuleSet.MaxFileBytes + 1));
        var e = Assert.Throws<RuleFormatException>(() => RuleSet.Load(big));
        Assert.Contains("at most", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pathological_pattern_times_out_instead_of_stalling()
    {
        var properties = new SeriesProperties(_ => PropertyValue.FromStrings(new string('a', 5000) + "!"));
        RuleSet rules = RuleSet.Parse("""{"models": [{"name": "m", "conditions": {"SeriesDescription": "(a+)+b"}}]}""");

        EligibilityResult result = Assert.Single(rules.Evaluate(properties));

        Assert.False(result.Eligible);
        Assert.Contains("took too long", result.Reason, StringComparison.Ordinal);
    }
}
