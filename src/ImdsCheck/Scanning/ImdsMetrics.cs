namespace ImdsCheck.Scanning;

public static class ImdsMetrics
{
    public const string Namespace = "AWS/EC2";
    public const string NoToken = "MetadataNoToken";
    public const string NoTokenRejected = "MetadataNoTokenRejected";
    public const string InstanceIdDimension = "InstanceId";
}
