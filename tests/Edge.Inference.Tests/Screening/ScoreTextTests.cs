using Edge.Inference.Screening;

namespace Edge.Inference.Tests.Screening;

public sealed class ScoreTextTests
{
    [Theory]
    [InlineData(0.0, "0.000")]
    [InlineData(0.0689, "0.069")]
    [InlineData(0.5, "0.500")]
    [InlineData(0.9871, "0.987")]
    [InlineData(0.9993217, "0.99932")]
    [InlineData(0.999844, "0.99984")]
    [InlineData(0.99995, "0.99995")]
    [InlineData(0.9999999403953552, "0.99999994")]
    [InlineData(1.0, "1.000")]
    public void Scores_near_one_keep_the_digits_that_tell_them_from_one(double value, string expected) =>
        Assert.Equal(expected, ScoreText.Format(value));

    [Fact]
    public void A_passing_score_and_a_threshold_near_one_read_differently()
    {
        Assert.NotEqual(ScoreText.Format(0.999844), ScoreText.Format(0.99999));
        Assert.NotEqual("1.000", ScoreText.Format(0.999844));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Non_finite_values_read_as_not_available(double value) => Assert.Equal("n/a", ScoreText.Format(value));
}
