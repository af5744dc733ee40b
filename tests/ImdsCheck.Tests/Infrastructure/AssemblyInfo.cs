// The CLI tests set process-wide environment variables (credentials, profile files), which the
// AWS SDK reads directly; running them one at a time keeps each test's environment its own.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
