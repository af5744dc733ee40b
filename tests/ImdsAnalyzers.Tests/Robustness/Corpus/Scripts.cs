namespace FuzzCorpus.Scripts;

// Seed for the robustness test: shell and PowerShell scripts held in strings, token-less and with tokens.
public static class BootScripts
{
    public const string Bash = @"#!/bin/bash
set -euo pipefail
INSTANCE_ID=$(curl -s http://169.254.169.254/latest/meta-data/instance-id)
AZ=$(wget -q -O - http://169.254.169.254/latest/meta-data/placement/availability-zone)
echo ""$INSTANCE_ID in $AZ""
";

    public const string PowerShell = @"<powershell>
$id = Invoke-RestMethod -Uri http://169.254.169.254/latest/meta-data/instance-id
$type = (Invoke-WebRequest -Uri 'http://169.254.169.254/latest/meta-data/instance-type' -UseBasicParsing).Content
Write-Output ""$id $type""
</powershell>";

    public const string WithToken = "TOKEN=$(curl -s -X PUT http://169.254.169.254/latest/api/token -H \"X-aws-ec2-metadata-token-ttl-seconds: 21600\")\n"
        + "curl -s -H \"X-aws-ec2-metadata-token: $TOKEN\" http://169.254.169.254/latest/meta-data/instance-id\n";

    public static string[] SsmCommands(string path) => new[]
    {
        "curl http://169.254.169.254/latest/meta-data/" + path,
        $"curl -s http://169.254.169.254/latest/meta-data/{path} | tee /tmp/out",
    };
}
