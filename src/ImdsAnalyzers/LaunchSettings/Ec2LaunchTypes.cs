using Microsoft.CodeAnalysis;

namespace ImdsAnalyzers.LaunchSettings
{
    /// <summary>The AWSSDK.EC2 request types that launch instances or register images, resolved once per compilation.</summary>
    internal sealed class Ec2LaunchTypes
    {
        private Ec2LaunchTypes(INamedTypeSymbol? runInstances, INamedTypeSymbol? launchTemplateData, INamedTypeSymbol? createVersion, INamedTypeSymbol? registerImage)
        {
            RunInstancesRequest = runInstances;
            RequestLaunchTemplateData = launchTemplateData;
            CreateLaunchTemplateVersionRequest = createVersion;
            RegisterImageRequest = registerImage;
        }

        public INamedTypeSymbol? RunInstancesRequest { get; }

        public INamedTypeSymbol? RequestLaunchTemplateData { get; }

        public INamedTypeSymbol? CreateLaunchTemplateVersionRequest { get; }

        public INamedTypeSymbol? RegisterImageRequest { get; }

        /// <summary>Null when the compilation does not reference AWSSDK.EC2.</summary>
        public static Ec2LaunchTypes? Resolve(Compilation compilation)
        {
            var runInstances = compilation.GetTypeByMetadataName("Amazon.EC2.Model.RunInstancesRequest");
            var launchTemplateData = compilation.GetTypeByMetadataName("Amazon.EC2.Model.RequestLaunchTemplateData");
            var registerImage = compilation.GetTypeByMetadataName("Amazon.EC2.Model.RegisterImageRequest");
            if (runInstances is null && launchTemplateData is null && registerImage is null)
            {
                return null;
            }

            return new Ec2LaunchTypes(
                runInstances,
                launchTemplateData,
                compilation.GetTypeByMetadataName("Amazon.EC2.Model.CreateLaunchTemplateVersionRequest"),
                registerImage);
        }
    }
}
