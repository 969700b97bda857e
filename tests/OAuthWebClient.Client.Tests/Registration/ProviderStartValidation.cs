using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace OAuthWebClient.Client.Tests.Registration;

/// <summary>A named provider's problems stop the start with the others, each under its own keys (a real host).</summary>
public sealed class ProviderStartValidation
{
    private static async Task<OptionsValidationException> StartFailsAsync(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddOAuthClient();
        using var host = builder.Build();
        return await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }

    private static Dictionary<string, string?> TwoProviders() => new()
    {
        ["OAuth:Providers:north:Authority"] = "https://north.example/",
        ["OAuth:Providers:north:ClientId"] = "north-client",
        ["OAuth:Providers:south:Authority"] = "https://south.example/",
        ["OAuth:Providers:south:ClientId"] = "south-client",
    };

    [Fact]
    public async Task A_named_providers_problems_name_its_keys_and_no_other_providers()
    {
        var settings = TwoProviders();
        settings.Remove("OAuth:Providers:south:ClientId");
        settings["OAuth:Providers:south:Authority"] = "ftp://south.example/";

        var failure = await StartFailsAsync(settings);

        Assert.Contains(failure.Failures, f => f.StartsWith("OAuth:Providers:south:ClientId is empty", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("OAuth:Providers:south:Authority must be an absolute http(s) URL", StringComparison.Ordinal));
        Assert.DoesNotContain(failure.Failures, f => f.Contains("north", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_provider_name_that_cannot_be_a_path_segment_is_refused()
    {
        var settings = TwoProviders();
        settings["OAuth:Providers:bad name:Authority"] = "https://as.example/";
        settings["OAuth:Providers:bad name:ClientId"] = "x";

        var failure = await StartFailsAsync(settings);

        Assert.Contains(failure.Failures, f => f.StartsWith("OAuth:Providers:bad name is not a usable provider name", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_named_providers_the_OAuth_section_needs_no_authority_of_its_own()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(TwoProviders());
        builder.Services.AddOAuthClient();
        using var host = builder.Build();

        await host.StartAsync();
        var providers = host.Services.GetRequiredService<IOAuthProviders>();
        await host.StopAsync();

        Assert.Equal(["north", "south"], providers.All.Select(p => p.Name));
        Assert.Equal(["/callback/north", "/callback/south"], providers.All.Select(p => p.CallbackPath));
    }

    [Fact]
    public async Task A_provider_added_in_code_joins_the_configured_ones()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(TwoProviders());
        builder.Services.AddOAuthClient().AddProvider("east", o =>
        {
            o.Authority = new Uri("https://east.example/");
            o.ClientId = "east-client";
            o.DisplayName = "East";
        });
        using var host = builder.Build();

        await host.StartAsync();
        var east = host.Services.GetRequiredService<IOAuthProviders>().Find("EAST");
        await host.StopAsync();

        Assert.Equal(new OAuthProvider { Name = "east", DisplayName = "East", CallbackPath = "/callback/east", BackchannelLogoutPath = "/backchannel-logout/east" }, east);
    }

    [Theory]
    [InlineData(null, "roles", "OAuth:Providers:entra:AllowedTenants is empty, but OAuth:Providers:entra:Authority is a multi-tenant Entra ID endpoint")]
    [InlineData("*", "roles", "OAuth:Providers:entra:AllowedTenants is * and OAuth:Providers:entra:RoleClaim is set")]
    [InlineData("contoso", "", "OAuth:Providers:entra:AllowedTenants has \"contoso\", which is not a tenant id")]
    public async Task A_multi_tenant_Entra_provider_must_say_which_tenants_it_trusts(string? tenant, string roleClaim, string expected)
    {
        var settings = TwoProviders();
        settings["OAuth:Providers:entra:Preset"] = "EntraId";
        settings["OAuth:Providers:entra:ClientId"] = "entra-client";
        settings["OAuth:Providers:entra:RoleClaim"] = roleClaim;
        if (tenant is not null)
        {
            settings["OAuth:Providers:entra:AllowedTenants:0"] = tenant;
        }

        var failure = await StartFailsAsync(settings);

        Assert.Contains(failure.Failures, f => f.StartsWith(expected, StringComparison.Ordinal));
    }
}

