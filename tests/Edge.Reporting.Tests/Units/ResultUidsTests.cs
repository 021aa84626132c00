using Edge.Reporting.Dicom;

namespace Edge.Reporting.Tests.Units;

public sealed class ResultUidsTests
{
    [Fact]
    public void Uids_are_valid_uuid_derived_oids()
    {
        string uid = new ResultUids("seed").For("sr");

        Assert.StartsWith("2.25.", uid, StringComparison.Ordinal);
        Assert.InRange(uid.Length, 6, 64);
        Assert.Matches("^2\\.25\\.[1-9][0-9]*$", uid);
    }

    [Fact]
    public void Same_seed_and_purpose_give_the_same_uid_and_anything_else_another()
    {
        Assert.Equal(new ResultUids("a").For("sr"), new ResultUids("a").For("sr"));
        Assert.NotEqual(new ResultUids("a").For("sr"), new ResultUids("a").For("seg"));
        Assert.NotEqual(new ResultUids("a").For("sr"), new ResultUids("b").For("sr"));
    }

    [Fact]
    public void Uuid_version_and_variant_bits_are_set()
    {
        var value = System.Numerics.BigInteger.Parse(new ResultUids("x").For("y")[5..], System.Globalization.CultureInfo.InvariantCulture);
        byte[] bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        byte[] padded = [.. new byte[16 - bytes.Length], .. bytes];

        Assert.Equal(0x80, padded[6] & 0xF0);
        Assert.Equal(0x80, padded[8] & 0xC0);
    }
}
