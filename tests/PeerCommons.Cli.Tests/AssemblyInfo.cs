// The CLI tests swap Console.Out; run the test classes one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
