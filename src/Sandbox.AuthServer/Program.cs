using Sandbox.AuthServer;

AuthServerApp.Build(args).Run();

// Declared explicitly so the entry-point type stays internal: the client references this project (it hosts
// the server in-process) and keeps its own public Program without a type clash.
internal sealed partial class Program;
