using System.CommandLine;
using ImdsCheck.Aws;
using ImdsCheck.Scanning;

namespace ImdsCheck.Cli;

/// <summary>Options that several commands share; each command adds the ones it takes.</summary>
internal sealed class SharedOptions
{
    public Option<string[]> Region { get; } = new("--region")
    {
        Description = "Region to work on; repeat or separate with commas. Defaults to AWS_REGION, AWS_DEFAULT_REGION or the profile's region.",
    };

    public Option<bool> AllRegions { get; } = new("--all-regions")
    {
        Description = "Work on every region enabled for the account (ec2:DescribeRegions).",
    };

    public Option<string?> Profile { get; } = new("--profile")
    {
        Description = "Shared credentials/config profile to use instead of the default credential chain.",
    };

    public Option<string?> EndpointUrl { get; } = new("--endpoint-url")
    {
        Description = "Send EC2 and CloudWatch calls to this URL (e.g. LocalStack). AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_EC2 and AWS_ENDPOINT_URL_CLOUDWATCH are honoured too.",
    };

    public Option<bool> Quiet { get; } = new("--quiet", "-q")
    {
        Description = "No progress on stderr.",
    };

    public Option<string[]> InstanceIds { get; } = new("--instance-ids")
    {
        Description = "Only these instances (repeat or separate with commas).",
    };

    public Option<string[]> Tag { get; } = new("--tag")
    {
        Description = "Only instances with this tag, as key=value (repeat to require several).",
    };

    public Option<int> Days { get; } = new("--days")
    {
        Description = "Look-back window for the metrics, in days (1-455).",
        DefaultValueFactory = _ => 14,
    };

    public Option<bool> Apply { get; } = new("--apply")
    {
        Description = "Make the changes. Without it the command is a dry run and changes nothing.",
    };

    public static Option<string> OutputOption(params string[] formats)
    {
        var option = new Option<string>("--output", "-o")
        {
            Description = "Output format: " + string.Join(", ", formats) + ".",
            DefaultValueFactory = _ => "table",
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    public void AddAws(Command command)
    {
        command.Options.Add(Region);
        command.Options.Add(AllRegions);
        command.Options.Add(Profile);
        command.Options.Add(EndpointUrl);
        command.Options.Add(Quiet);
    }

    public void AddSelection(Command command)
    {
        command.Options.Add(InstanceIds);
        command.Options.Add(Tag);
    }

    public AwsOptions ReadAws(ParseResult parse) => new(
        RegionResolver.Explicit(parse.GetValue(Region) ?? []),
        parse.GetValue(AllRegions),
        parse.GetValue(Profile),
        parse.GetValue(EndpointUrl));

    public InstanceSelector ReadSelection(ParseResult parse) =>
        InstanceSelector.Parse(parse.GetValue(InstanceIds), parse.GetValue(Tag));
}
