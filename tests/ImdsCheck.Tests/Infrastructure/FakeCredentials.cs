namespace ImdsCheck.Tests.Infrastructure;

/// <summary>Credentials the tests hand to the tool; none of them may ever appear in its output.</summary>
public static class FakeCredentials
{
    public const string AccessKeyId = "AKIAIMDSCHECKTEST001";
    public const string SecretAccessKey = "imdsCheckFakeSecret/K7MDENG/bPxRfiCYEXAMPLEKEY";
    public const string SessionToken = "imdsCheckFakeSessionToken+FwoGZXIvYXdzEXAMPLETOKEN";

    /// <summary>Variables that point the SDK's default chain at the fake keys and nowhere else.</summary>
    public static Dictionary<string, string?> Environment() => new()
    {
        ["AWS_ACCESS_KEY_ID"] = AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = SecretAccessKey,
        ["AWS_SESSION_TOKEN"] = SessionToken,
        ["AWS_PROFILE"] = null,
        ["AWS_REGION"] = null,
        ["AWS_DEFAULT_REGION"] = null,
        ["AWS_ENDPOINT_URL"] = null,
        ["AWS_ENDPOINT_URL_EC2"] = null,
        ["AWS_ENDPOINT_URL_CLOUDWATCH"] = null,
        ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/imds-check-tests/credentials",
        ["AWS_CONFIG_FILE"] = "/nonexistent/imds-check-tests/config",
        ["AWS_EC2_METADATA_DISABLED"] = "true",
        ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] = null,
        ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = null,
        ["AWS_WEB_IDENTITY_TOKEN_FILE"] = null,
        ["AWS_ROLE_ARN"] = null,
    };
}
