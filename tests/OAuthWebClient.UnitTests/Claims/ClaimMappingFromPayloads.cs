using System.Text.Json;
using OAuthWebClient.Client;
using OAuthWebClient.Client.Claims;

namespace OAuthWebClient.UnitTests.Claims;

public sealed class ClaimMappingFromPayloads
{
    private static UserClaims Map(string json, Action<OAuthClientOptions>? configure = null, string? userInfo = null)
    {
        var options = new OAuthClientOptions();
        configure?.Invoke(options);
        using var payload = JsonDocument.Parse(json);
        if (userInfo is null)
        {
            return ClaimMapping.From(options).Map(payload.RootElement);
        }

        using var answer = JsonDocument.Parse(userInfo);
        return ClaimMapping.From(options).Map(answer.RootElement, payload.RootElement);
    }

    [Fact]
    public void Default_mapping_reads_name_email_and_a_roles_array()
    {
        var user = Map("""{"sub":"alice","name":"Alice","email":"alice@example.com","roles":["admin","photographer"]}""");

        Assert.Equal(new UserClaims { Name = "Alice", Email = "alice@example.com", Roles = ["admin", "photographer"] }, user);
    }

    [Fact]
    public void A_nested_path_walks_objects_as_keycloak_nests_realm_roles()
    {
        var user = Map("""{"sub":"a","realm_access":{"roles":["admin","offline_access"]},"roles":["top-level"]}""", o => o.RoleClaim = "realm_access.roles");

        Assert.Equal(["admin", "offline_access"], user.Roles);
    }

    [Fact]
    public void A_namespaced_claim_with_dots_in_its_name_is_found_whole()
    {
        var user = Map("""{"sub":"a","https://app.example/roles":["admin"]}""", o => o.RoleClaim = "https://app.example/roles");

        Assert.Equal(["admin"], user.Roles);
    }

    [Theory]
    [InlineData("""{"roles":"admin"}""", new[] { "admin" })]
    [InlineData("""{"roles":"admin  editor viewer"}""", new[] { "admin", "editor", "viewer" })]
    [InlineData("""{"roles":["admin","admin","editor"]}""", new[] { "admin", "editor" })]
    [InlineData("""{"roles":["admin",42,{"x":1},null,true,["nested"],"editor"]}""", new[] { "admin", "editor" })]
    public void Roles_may_be_an_array_one_string_or_a_space_separated_string(string json, string[] expected) =>
        Assert.Equal(expected, Map(json).Roles);

    [Theory]
    [InlineData("""{"sub":"a"}""")]
    [InlineData("""{"sub":"a","roles":42}""")]
    [InlineData("""{"sub":"a","roles":{"admin":true}}""")]
    [InlineData("""{"sub":"a","roles":null}""")]
    [InlineData("""{"sub":"a","realm_access":"admin"}""")]
    [InlineData("""{"sub":"a","realm_access":["roles"]}""")]
    public void Missing_or_wrongly_typed_claims_give_no_roles_and_no_error(string json)
    {
        Assert.Empty(Map(json).Roles);
        Assert.Empty(Map(json, o => o.RoleClaim = "realm_access.roles").Roles);
    }

    [Fact]
    public void A_hostile_huge_roles_array_is_bounded()
    {
        var roles = string.Join(',', Enumerable.Range(0, 5000).Select(i => $"\"role-{i}\""));
        var user = Map($$"""{"sub":"a","roles":[{{roles}}],"name":"{{new string('n', 10_000)}}"}""");

        Assert.Equal(ClaimValues.MaxRoles, user.Roles.Count);
        Assert.Equal("role-0", user.Roles[0]);
        Assert.Equal("a", user.Name); // a 10,000-character name is not kept; sub is the fallback
    }

    [Fact]
    public void A_role_longer_than_the_bound_is_dropped()
    {
        var user = Map($$"""{"roles":["{{new string('r', ClaimValues.MaxValueLength + 1)}}","ok"]}""");

        Assert.Equal(["ok"], user.Roles);
    }

    [Fact]
    public void Name_falls_back_to_preferred_username_then_sub()
    {
        Assert.Equal("ally", Map("""{"sub":"alice","preferred_username":"ally"}""").Name);
        Assert.Equal("alice", Map("""{"sub":"alice","name":42}""").Name);
        Assert.Equal("Al", Map("""{"sub":"alice","profile":{"display":"Al"}}""", o => o.NameClaim = "profile.display").Name);
    }

    [Fact]
    public void An_empty_role_or_email_setting_maps_nothing()
    {
        var user = Map("""{"sub":"a","email":"a@example.com","roles":["admin"]}""", o => { o.RoleClaim = ""; o.EmailClaim = ""; });

        Assert.Empty(user.Roles);
        Assert.Null(user.Email);
    }

    [Fact]
    public void Userinfo_claims_win_over_the_id_tokens_and_fill_what_it_lacks()
    {
        var user = Map("""{"sub":"a","name":"Old Name","roles":["viewer"]}""", userInfo: """{"sub":"a","name":"New Name","email":"a@example.com"}""");

        Assert.Equal("New Name", user.Name);
        Assert.Equal("a@example.com", user.Email);
        Assert.Equal(["viewer"], user.Roles);
    }
}
