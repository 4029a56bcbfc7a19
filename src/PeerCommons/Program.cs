using PeerCommons.Cli;

return CommandLine.Run(args);
