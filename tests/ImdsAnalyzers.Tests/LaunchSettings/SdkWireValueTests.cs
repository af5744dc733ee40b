using Amazon.EC2;

namespace ImdsAnalyzers.Tests.LaunchSettings;

/// <summary>
/// The analyzer recognises strings passed through the SDK's implicit conversions by their wire
/// values, and the fixes write wire values; these must be the values the real SDK sends.
/// </summary>
public class SdkWireValueTests
{
    [Fact]
    public void Weak_and_strong_wire_values_match_the_sdk()
    {
        Assert.Equal("optional", HttpTokensState.Optional.Value);
        Assert.Equal("required", HttpTokensState.Required.Value);
        Assert.Equal("optional", LaunchTemplateHttpTokensState.Optional.Value);
        Assert.Equal("required", LaunchTemplateHttpTokensState.Required.Value);
        Assert.Equal("optional", MetadataDefaultHttpTokensState.Optional.Value);
        Assert.Equal("no-preference", MetadataDefaultHttpTokensState.NoPreference.Value);
        Assert.Equal("required", MetadataDefaultHttpTokensState.Required.Value);
        Assert.Equal("disabled", DefaultHttpTokensEnforcedState.Disabled.Value);
        Assert.Equal("enabled", DefaultHttpTokensEnforcedState.Enabled.Value);
        Assert.Equal("v2.0", ImdsSupportValues.V20.Value);
    }

    [Fact]
    public void Strings_convert_to_the_same_constants()
    {
        HttpTokensState fromString = "optional";
        Assert.Equal(HttpTokensState.Optional, fromString);
        DefaultHttpTokensEnforcedState enforced = "disabled";
        Assert.Equal(DefaultHttpTokensEnforcedState.Disabled, enforced);
    }
}
