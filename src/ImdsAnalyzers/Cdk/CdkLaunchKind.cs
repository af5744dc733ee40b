namespace ImdsAnalyzers.Cdk
{
    /// <summary>Which RequireImdsv2 aspect covers a construct: the aspect for instances also reaches the instance inside a bastion host.</summary>
    internal enum CdkLaunchKind
    {
        Instance = 0,
        LaunchTemplate = 1,
        AutoScalingGroup = 2,
    }
}
