using Amazon.Runtime;
using ImdsCheck.CloudWatch;

namespace ImdsCheck.Aws;

/// <summary>Runs one AWS call and converts its failure into an <see cref="ImdsCheckFailure"/> naming the IAM action.</summary>
internal static class AwsCall
{
    public static async Task<T> Ec2<T>(string action, string region, SecretRedactor redactor, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (AmazonServiceException ex)
        {
            throw AwsErrorMessages.FromEc2(ex, "ec2:" + action, region, redactor);
        }
        catch (AmazonClientException ex)
        {
            throw AwsErrorMessages.FromClient(ex, "ec2:" + action, region, redactor);
        }
        catch (HttpRequestException ex)
        {
            throw new ImdsCheckFailure($"{region}: ec2:{action} failed: could not reach the endpoint ({AwsErrorMessages.FirstSentence(redactor.Redact(ex.Message))}).", ex);
        }
    }

    public static async Task<T> CloudWatch<T>(string action, string region, SecretRedactor redactor, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (CloudWatchServiceException ex)
        {
            throw AwsErrorMessages.FromCloudWatch(ex, "cloudwatch:" + action, region, redactor);
        }
        catch (AmazonClientException ex)
        {
            throw AwsErrorMessages.FromClient(ex, "cloudwatch:" + action, region, redactor);
        }
    }
}
