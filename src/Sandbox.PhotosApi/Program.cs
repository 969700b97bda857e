using Sandbox.PhotosApi;

PhotosApiApp.Build(args).Run();

// Declared explicitly so the entry-point type stays internal: an app that references this project
// (the client hosts the API in-process) keeps its own Program without a type clash (CS0436).
internal sealed partial class Program;
