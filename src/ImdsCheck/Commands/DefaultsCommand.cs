using System.CommandLine;
using ImdsCheck.Cli;

namespace ImdsCheck.Commands;

internal static class DefaultsCommand
{
    public static Command Create(SharedOptions shared, RunContext context) => new("defaults");
}
