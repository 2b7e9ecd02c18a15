using Slipway.IO;
using Slipway.Parameters;

namespace Slipway.Build.Tests.Parameters;

public class ValueConverterTest
{
    public enum Flavor
    {
        Debug,
        Release,
        ReleaseWithSymbols,
    }

    private static readonly string Root = Path.Combine(Path.GetTempPath(), "slipway-converter-root");

    private static object? Convert(Type type, params string[] values) => ValueConverter.Convert(values, type, Root);

    private static string Error(Type type, params string[] values) =>
        Assert.Throws<ParameterValueException>(() => Convert(type, values)).Message;

    [Fact]
    public void TestConvert_String_KeepsTheText() =>
        Assert.Equal(" a b ", Convert(typeof(string), " a b "));

    [Theory]
    [InlineData("true", true)]
    [InlineData("False", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("yes", true)]
    [InlineData("off", false)]
    public void TestConvert_Bool_AcceptsCommonSpellings(string text, bool expected) =>
        Assert.Equal(expected, Convert(typeof(bool), text));

    [Fact]
    public void TestConvert_Bool_BareFlagIsTrue()
    {
        Assert.Equal(true, Convert(typeof(bool)));
        Assert.Equal(true, Convert(typeof(bool?)));
    }

    [Fact]
    public void TestConvert_Bool_Invalid_SaysWhatIsExpected() =>
        Assert.Equal("'maybe' is not a boolean. Expected true or false", Error(typeof(bool), "maybe"));

    [Fact]
    public void TestConvert_Numbers_UseInvariantCulture()
    {
        Assert.Equal(8080, Convert(typeof(int), "8080"));
        Assert.Equal(5_000_000_000L, Convert(typeof(long), "5000000000"));
        Assert.Equal(1.5, Convert(typeof(double), "1.5"));
        Assert.Equal(2.25m, Convert(typeof(decimal), "2.25"));
    }

    [Fact]
    public void TestConvert_Number_Invalid_NamesValueAndType()
    {
        Assert.Equal("'1.5' is not a valid int", Error(typeof(int), "1.5"));
        Assert.Equal("'99999999999' is not a valid int", Error(typeof(int), "99999999999"));
    }

    [Theory]
    [InlineData("release", Flavor.Release)]
    [InlineData("RELEASE", Flavor.Release)]
    [InlineData("release-with-symbols", Flavor.ReleaseWithSymbols)]
    [InlineData("Release_With_Symbols", Flavor.ReleaseWithSymbols)]
    public void TestConvert_Enum_IsCaseInsensitive(string text, Flavor expected) =>
        Assert.Equal(expected, Convert(typeof(Flavor), text));

    [Fact]
    public void TestConvert_Enum_Typo_ListsValuesAndSuggests() =>
        Assert.Equal("'Relase' is not valid. Did you mean 'Release'? Expected one of: Debug, Release, ReleaseWithSymbols", Error(typeof(Flavor), "Relase"));

    [Fact]
    public void TestConvert_Enum_FarOff_ListsValuesOnly() =>
        Assert.Equal("'zzz' is not valid. Expected one of: Debug, Release, ReleaseWithSymbols", Error(typeof(Flavor), "zzz"));

    [Fact]
    public void TestConvert_Array_ConvertsEveryItem() =>
        Assert.Equal(new[] { 1, 2, 3 }, Convert(typeof(int[]), "1", "2", "3"));

    [Fact]
    public void TestConvert_Lists_CreateTheDeclaredCollection()
    {
        Assert.Equal(["a", "b"], Assert.IsType<List<string>>(Convert(typeof(List<string>), "a", "b")));
        Assert.Equal(["a", "b"], Assert.IsAssignableFrom<IReadOnlyList<string>>(Convert(typeof(IReadOnlyList<string>), "a", "b")));
        Assert.Equal([Flavor.Debug], Assert.IsAssignableFrom<IEnumerable<Flavor>>(Convert(typeof(IEnumerable<Flavor>), "debug")));
    }

    [Fact]
    public void TestConvert_Array_NoValues_IsEmpty() =>
        Assert.Empty(Assert.IsType<string[]>(Convert(typeof(string[]))));

    [Fact]
    public void TestConvert_Array_BadItem_NamesTheItem() =>
        Assert.Equal("'x' is not a valid int", Error(typeof(int[]), "1", "x"));

    [Fact]
    public void TestConvert_Scalar_SeveralValues_Fails() =>
        Assert.StartsWith("takes one value but got 2: 'a', 'b'.", Error(typeof(string), "a", "b"));

    [Fact]
    public void TestConvert_Scalar_NoValue_Fails() =>
        Assert.Equal("needs a value (only bool parameters are flags)", Error(typeof(string)));

    [Fact]
    public void TestConvert_NullableScalar_NoValue_Fails() =>
        Assert.StartsWith("needs a value", Error(typeof(int?)));

    [Fact]
    public void TestConvert_Nullable_ConvertsTheUnderlyingType()
    {
        Assert.Equal(42, Convert(typeof(int?), "42"));
        Assert.Equal(Flavor.Debug, Convert(typeof(Flavor?), "debug"));
    }

    [Fact]
    public void TestConvert_AbsolutePath_RelativeToRoot()
    {
        Assert.Equal(Path.Combine(Root, "artifacts", "out"), Assert.IsType<AbsolutePath>(Convert(typeof(AbsolutePath), "artifacts/out/")).Value);
        var elsewhere = Path.Combine(Path.GetTempPath(), "elsewhere");
        Assert.Equal(elsewhere, ((AbsolutePath)Convert(typeof(AbsolutePath), elsewhere)!).Value);
    }

    [Fact]
    public void TestConvert_RelativePath_UsesForwardSlashes() =>
        Assert.Equal(new RelativePath("src/app"), Convert(typeof(RelativePath), "src\\app\\"));

    [Theory]
    [InlineData("250ms", 250)]
    [InlineData("30s", 30_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("5m", 300_000)]
    [InlineData("2h", 7_200_000)]
    [InlineData("00:05:00", 300_000)]
    [InlineData("1.00:00:00", 86_400_000)]
    public void TestConvert_TimeSpan_UnitsAndTimeSpanSyntax(string text, double milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), Convert(typeof(TimeSpan), text));

    [Fact]
    public void TestConvert_TimeSpan_Invalid_ShowsExamples() =>
        Assert.Equal("'soon' is not a duration. Expected e.g. 30s, 5m, 1h or 00:05:00", Error(typeof(TimeSpan), "soon"));

    [Fact]
    public void TestConvert_TimeSpan_NumberWithoutUnit_Fails() =>
        Assert.Equal("'30' has no unit. Expected e.g. 30s, 5m, 1h or 00:05:00", Error(typeof(TimeSpan), "30"));

    [Fact]
    public void TestConvert_Uri_Absolute() =>
        Assert.Equal(new Uri("http://127.0.0.1:5000/api"), Convert(typeof(Uri), "http://127.0.0.1:5000/api"));

    [Fact]
    public void TestConvert_Uri_FileScheme_IsAccepted() =>
        Assert.Equal(new Uri("file:///tmp/feed"), Convert(typeof(Uri), "file:///tmp/feed"));

    [Theory]
    [InlineData("not a url")]
    [InlineData("api/v1")]
    [InlineData("localhost:5000")]
    [InlineData("/var/feed")]
    public void TestConvert_Uri_WithoutSchemeOrHost_Fails(string text) =>
        Assert.Equal($"'{text}' is not an absolute URL. Expected e.g. http://127.0.0.1:5000", Error(typeof(Uri), text));

    [Fact]
    public void TestConvert_UnsupportedType_SaysSo() =>
        Assert.Equal("has type 'Version', which parameters do not support", Error(typeof(Version), "1.0"));

    [Theory]
    [InlineData(typeof(string), "string")]
    [InlineData(typeof(bool?), "bool")]
    [InlineData(typeof(int), "int")]
    [InlineData(typeof(Flavor), "Debug|Release|ReleaseWithSymbols")]
    [InlineData(typeof(List<string>), "string[]")]
    [InlineData(typeof(TimeSpan), "duration")]
    [InlineData(typeof(AbsolutePath), "path")]
    [InlineData(typeof(RelativePath), "relative path")]
    [InlineData(typeof(Uri), "url")]
    public void TestDescribe_ShortTypeNames(Type type, string expected) =>
        Assert.Equal(expected, ValueConverter.Describe(type));

    [Fact]
    public void TestElementType_StringIsNotAList()
    {
        Assert.Null(ValueConverter.ElementType(typeof(string)));
        Assert.Equal(typeof(int), ValueConverter.ElementType(typeof(IList<int>)));
    }
}
