using System.CommandLine;
using ImdsCheck.Cli;

namespace ImdsCheck.Commands;

internal static class EnforceCommand
{
    public static Command Create(SharedOptions shared, RunContext context) => new("enforce");
}
