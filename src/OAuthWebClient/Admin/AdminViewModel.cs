namespace OAuthWebClient.Admin;

/// <summary>What <c>/admin</c> shows: who is there and the roles that let them in.</summary>
public sealed record AdminViewModel
{
    public required string Name { get; init; }

    public required IReadOnlyList<string> Roles { get; init; }
}
