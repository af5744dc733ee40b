namespace ImdsEmulator;

/// <summary>The values an emulated instance answers with unless a test says otherwise.</summary>
public static class DefaultMetadata
{
    public const string InstanceId = "i-0123456789abcdef0";
    public const string AmiId = "ami-0abcdef1234567890";
    public const string InstanceType = "t3.micro";
    public const string Region = "us-east-1";
    public const string AvailabilityZone = "us-east-1a";
    public const string LocalIpv4 = "10.0.0.12";
    public const string Hostname = "ip-10-0-0-12.ec2.internal";
    public const string RoleName = "ImdsEmulatorRole";
    public const string UserData = "#!/bin/bash\necho emulated user data\n";

    public static Dictionary<string, string> Create() => new(StringComparer.Ordinal)
    {
        ["meta-data/instance-id"] = InstanceId,
        ["meta-data/ami-id"] = AmiId,
        ["meta-data/instance-type"] = InstanceType,
        ["meta-data/placement/region"] = Region,
        ["meta-data/placement/availability-zone"] = AvailabilityZone,
        ["meta-data/local-ipv4"] = LocalIpv4,
        ["meta-data/hostname"] = Hostname,
        ["meta-data/iam/security-credentials/" + RoleName] = CredentialsDocument,
        ["user-data"] = UserData,
        ["dynamic/instance-identity/document"] = IdentityDocument,
    };

    // Shapes follow what EC2 serves; the values are obviously fake so nothing mistakes them for real ones.
    private const string CredentialsDocument = """
        {
          "Code" : "Success",
          "LastUpdated" : "2024-01-01T00:00:00Z",
          "Type" : "AWS-HMAC",
          "AccessKeyId" : "ASIAEMULATOREXAMPLE0",
          "SecretAccessKey" : "emulator/secret/not-a-real-key",
          "Token" : "emulator-session-token",
          "Expiration" : "2099-01-01T00:00:00Z"
        }
        """;

    private const string IdentityDocument = $$"""
        {
          "accountId" : "123456789012",
          "architecture" : "x86_64",
          "availabilityZone" : "{{AvailabilityZone}}",
          "imageId" : "{{AmiId}}",
          "instanceId" : "{{InstanceId}}",
          "instanceType" : "{{InstanceType}}",
          "pendingTime" : "2024-01-01T00:00:00Z",
          "privateIp" : "{{LocalIpv4}}",
          "region" : "{{Region}}",
          "version" : "2017-09-30"
        }
        """;
}
