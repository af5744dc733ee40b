using ImdsAnalyzers.Benchmarks;

// Modes (all with -c Release):
//   (no mode) / bench [--fast] [BenchmarkDotNet options]  cost of each analyzer next to its floor and the compiler
//   interleaved [rounds]                                   the same cases in interleaved rounds, differences paired within a round
//   check                                                  corpus facts: compiler errors, findings per rule, callback times
//   corpus <folder>                                        writes the generated corpus as .cs files
//   scan <folder> [--per-folder] [--with-floors]           runs every analyzer over the C# files under a folder
return await Modes.RunAsync(args);
