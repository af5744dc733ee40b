using InstanceLauncher;

// Prints the metadata settings each request would send. Nothing here calls AWS.
var requests = new LaunchRequests("ami-0123456789abcdef0");
Print("RunInstances web server", requests.WebServer().MetadataOptions?.HttpTokens);
Print("RunInstances container host", requests.ContainerHost().MetadataOptions?.HttpTokens);
Print("RunInstances worker", requests.Worker().MetadataOptions?.HttpTokens);
Print("CreateLaunchTemplate web", requests.WebTemplate().LaunchTemplateData.MetadataOptions?.HttpTokens);
Print("ModifyInstanceMetadataOptions", requests.LoosenForLegacyAgent("i-0123456789abcdef0").HttpTokens);
Print("ModifyInstanceMetadataDefaults", requests.RegionDefaults().HttpTokens);
Console.WriteLine($"RegisterImage: ImdsSupport={requests.GoldenImage("snap-0123456789abcdef0").ImdsSupport?.Value ?? "(not set)"}");
Console.WriteLine($"CDK: {nameof(FleetStack)} is defined for `cdk synth`; build this project to see its IMDS201 warnings.");

static void Print(string name, Amazon.Runtime.ConstantClass? tokens) =>
    Console.WriteLine($"{name}: HttpTokens={tokens?.Value ?? "(not set: instances accept IMDSv1 unless the region enforces tokens)"}");
