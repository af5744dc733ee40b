namespace ImdsAnalyzers.MetadataCalls
{
    /// <summary>Names of the helper class the IMDS001 code fix adds to a project: ImdsV2Support.ImdsSessionToken, or ImdsSessionToken in the namespace of a file with a file-scoped namespace.</summary>
    internal static class SessionTokenHelper
    {
        public const string Namespace = "ImdsV2Support";
        public const string ClassName = "ImdsSessionToken";
    }
}
