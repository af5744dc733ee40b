namespace ImdsEmulator;

/// <summary>The instance's <c>HttpTokens</c> setting.</summary>
public enum TokenMode
{
    /// <summary>IMDSv2 only: a request without a valid token gets 401.</summary>
    Required,

    /// <summary>IMDSv1 still allowed: token-less requests are served (and counted as MetadataNoToken).</summary>
    Optional,
}
