using Edge.Imaging.Eligibility;

namespace Edge.Imaging.Tests.Eligibility;

/// <summary>Every operator of the rule format: when it holds, when it fails (with the actual value in the reason), and when the property is absent.</summary>
public sealed class RuleOperatorTests
{
    private static readonly SeriesProperties Series = new SeriesProperties(keyword => keyword switch
        {
            "Modality" => PropertyValue.FromStrings("CT"),
            "ImageType" => PropertyValue.FromStrings("ORIGINAL", "PRIMARY", "AXIAL"),
            "SeriesDescription" => PropertyValue.FromStrings("Abdomen 2.5mm STANDARD"),
            "PixelSpacing" => PropertyValue.FromStrings("0.7", "0.7"),
            "Manufacturer" => PropertyValue.FromStrings("GE MEDICAL SYSTEMS"),
            "StationName" => PropertyValue.FromStrings("CT01"),
            _ => null,
        })
        .Set("SliceThickness", PropertyValue.FromNumbers(2.5))
        .Set("SliceCount", PropertyValue.FromNumbers(120))
        .Set("ZCoverageMm", PropertyValue.FromNumbers(300))
        .Set("Contrast", PropertyValue.FromBoolean(false))
        .Set("Orientation", PropertyValue.FromStrings("Axial"))
        .Set("Kernel", PropertyValue.FromStrings("B30f"));

    [Theory]
    [InlineData("\"CT\"", true, "Modality 'CT' matches /CT/")]
    [InlineData("\"ct\"", true, "matches")]
    [InlineData("\"C\"", false, "Modality 'CT' does not match /C/")]
    [InlineData("\"MR|CT\"", true, "matches")]
    [InlineData("\"!MR\"", true, "does not match /MR/")]
    [InlineData("\"!CT\"", false, "Modality 'CT' matches excluded /CT/")]
    public void Regex_matches_the_whole_value_ignoring_case(string condition, bool passes, string reason) =>
        AssertCondition("Modality", condition, passes, reason);

    [Fact]
    public void Regex_on_a_multi_valued_attribute_matches_a_value_or_the_joined_value()
    {
        AssertCondition("ImageType", "\"AXIAL\"", true, "matches");
        AssertCondition("ImageType", "\"ORIGINAL.*AXIAL\"", true, "matches");
        AssertCondition("ImageType", "\"LOCALIZER\"", false, "ImageType 'ORIGINAL\\PRIMARY\\AXIAL' does not match /LOCALIZER/");
    }

    [Fact]
    public void Regex_fails_on_an_absent_attribute_but_a_negated_one_holds()
    {
        AssertCondition("BodyPartExamined", "\"ABDOMEN\"", false, "BodyPartExamined is absent");
        AssertCondition("BodyPartExamined", "\"!HEAD\"", true, "is absent, so it does not match");
    }

    [Theory]
    [InlineData("2.5", true, "SliceThickness 2.5 is = 2.5")]
    [InlineData("2.5000001", true, "is = 2.5")]
    [InlineData("3", false, "SliceThickness 2.5 is not = 3")]
    public void Number_is_equality(string condition, bool passes, string reason) =>
        AssertCondition("SliceThickness", condition, passes, reason);

    [Theory]
    [InlineData("[0.5, 5]", true, "SliceThickness 2.5 is in [0.5, 5]")]
    [InlineData("[2.5, 2.5]", true, "in [2.5, 2.5]")]
    [InlineData("[3, 5]", false, "SliceThickness 2.5 is not in [3, 5]")]
    [InlineData("[null, 2]", false, "SliceThickness 2.5 is not in [-inf, 2]")]
    [InlineData("[2, null]", true, "in [2, inf]")]
    [InlineData("{\"min\": 1, \"max\": 3}", true, "in [1, 3]")]
    [InlineData("{\"max\": 1}", false, "is not in [-inf, 1]")]
    public void Range_is_inclusive_with_open_ends(string condition, bool passes, string reason) =>
        AssertCondition("SliceThickness", condition, passes, reason);

    [Fact]
    public void Range_applies_to_every_value_of_a_multi_valued_attribute()
    {
        AssertCondition("PixelSpacing", "[0.5, 1.0]", true, "PixelSpacing 0.7\\0.7 is in [0.5, 1]");
        AssertCondition("PixelSpacing", "[0.8, 1.0]", false, "PixelSpacing 0.7 is not in [0.8, 1]");
        AssertCondition("Modality", "[0, 1]", false, "Modality 'CT' is not a number");
    }

    [Theory]
    [InlineData("\">= 120\"", true, "SliceCount 120 is >= 120")]
    [InlineData("\"> 120\"", false, "SliceCount 120 is not > 120")]
    [InlineData("\"<= 120\"", true, "<= 120")]
    [InlineData("\"< 100\"", false, "SliceCount 120 is not < 100")]
    [InlineData("\"== 120\"", true, "== 120")]
    [InlineData("\"!= 120\"", false, "SliceCount 120 is not != 120")]
    [InlineData("\">=1e2\"", true, ">= 100")]
    public void Comparison_strings_compare_numerically(string condition, bool passes, string reason) =>
        AssertCondition("SliceCount", condition, passes, reason);

    [Fact]
    public void Not_equal_holds_for_an_absent_attribute_other_comparisons_fail()
    {
        AssertCondition("EchoTime", "\"!= 5\"", true, "absent");
        AssertCondition("EchoTime", "\"> 5\"", false, "EchoTime is absent (required > 5)");
    }

    [Theory]
    [InlineData("[\"ORIGINAL\", \"PRIMARY\"]", true, "matches [ORIGINAL, PRIMARY]")]
    [InlineData("[\"original\", \"!LOCALIZER\"]", true, "matches")]
    [InlineData("[\"DERIVED\"]", false, "ImageType 'ORIGINAL\\PRIMARY\\AXIAL' lacks DERIVED")]
    [InlineData("[\"PRIMARY\", \"!AXIAL\"]", false, "contains excluded AXIAL")]
    public void Set_requires_listed_values_and_excludes_bang_values(string condition, bool passes, string reason) =>
        AssertCondition("ImageType", condition, passes, reason);

    [Fact]
    public void Set_of_exclusions_only_holds_for_an_absent_attribute()
    {
        AssertCondition("ScanOptions", "[\"!SCOUT\"]", true, "absent");
        AssertCondition("ScanOptions", "[\"HELICAL\"]", false, "ScanOptions is absent");
    }

    [Fact]
    public void Boolean_tests_a_flag_or_presence()
    {
        AssertCondition("Contrast", "false", true, "Contrast is false");
        AssertCondition("Contrast", "true", false, "Contrast is false, required true");
        AssertCondition("StationName", "true", true, "StationName is present ('CT01')");
        AssertCondition("StationName", "false", false, "StationName is present ('CT01'), required false");
        AssertCondition("ContrastBolusAgent", "false", true, "ContrastBolusAgent is absent");
        AssertCondition("ContrastBolusAgent", "true", false, "ContrastBolusAgent is absent, required true");
    }

    [Theory]
    [InlineData("Orientation", "\"Axial\"", true, "orientation Axial is Axial")]
    [InlineData("Orientation", "\"coronal\"", false, "orientation Axial is not Coronal")]
    [InlineData("Orientation", "[\"Coronal\", \"Axial\"]", true, "is Coronal or Axial")]
    [InlineData("Orientation", "[\"!Oblique\"]", true, "and not Oblique")]
    [InlineData("Orientation", "[\"!Axial\"]", false, "orientation Axial is not  and not Axial")]
    [InlineData("ImageOrientationPatient", "\"Axial\"", true, "orientation Axial is Axial")]
    [InlineData("ImageOrientationPatient", "\"Sagittal\"", false, "orientation Axial is not Sagittal")]
    public void Orientation_names_the_plane(string property, string condition, bool passes, string reason) =>
        AssertCondition(property, condition, passes, reason);

    [Fact]
    public void Model_reason_is_the_first_failure_and_counts_the_rest()
    {
        ModelRule rule = ParseModel("""{"name": "m", "conditions": {"Modality": "CT", "SliceThickness": [0.5, 2], "SliceCount": ">= 200", "Contrast": false}}""");

        EligibilityResult result = rule.Evaluate(Series);

        Assert.False(result.Eligible);
        Assert.Equal("SliceThickness 2.5 is not in [0.5, 2] (and 1 more condition failed)", result.Reason);
        Assert.Equal(4, result.Conditions.Count);
        Assert.Equal([true, false, false, true], result.Conditions.Select(c => c.Passed));
    }

    [Fact]
    public void Eligible_model_says_all_conditions_met()
    {
        ModelRule rule = ParseModel("""{"name": "m", "conditions": {"Modality": "CT", "Kernel": "!(?i).*(BONE|LUNG).*"}}""");

        EligibilityResult result = rule.Evaluate(Series);

        Assert.True(result.Eligible);
        Assert.Equal("all 2 conditions met", result.Reason);
    }

    private static void AssertCondition(string property, string conditionJson, bool passes, string reasonFragment)
    {
        ModelRule rule = ParseModel("{\"name\": \"m\", \"conditions\": {\"" + property + "\": " + conditionJson + "}}");
        ConditionResult result = Assert.Single(rule.Evaluate(Series).Conditions);
        Assert.True(passes == result.Passed, $"expected {(passes ? "pass" : "fail")}: {result.Reason}");
        Assert.Contains(reasonFragment, result.Reason, StringComparison.Ordinal);
    }

    private static ModelRule ParseModel(string json) => Assert.Single(RuleSet.Parse("{\"models\": [" + json + "]}").Models);
}
