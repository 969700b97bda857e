namespace OAuthWebClient.Client.Tests.Dependencies;

/// <summary>Comments and literal text are blanked before names are read; code, including interpolation holes, is kept.</summary>
public sealed class CSharpCodeTests
{
    [Theory]
    [InlineData("var a = 1; // Tokens.TokenSet", "Tokens")]
    [InlineData("/* Pkce */ var a = 1;", "Pkce")]
    [InlineData("/// <see cref=\"Pkce\"/>\nvar a = 1;", "Pkce")]
    [InlineData("var s = \"Pkce\";", "Pkce")]
    [InlineData("var s = @\"a \"\"Pkce\"\" b\";", "Pkce")]
    [InlineData("var s = \"\\\"Pkce\";", "Pkce")]
    [InlineData("var c = '\"'; var s = \"Pkce\";", "Pkce")]
    [InlineData("var s = $\"{{Pkce}}\";", "Pkce")]
    [InlineData("var s = $\"{when:O}\";", "O")]
    public void Comments_and_literals_are_blanked(string source, string hidden)
    {
        var code = CSharpCode.WithoutCommentsAndLiterals(source);

        Assert.DoesNotContain(hidden, code, StringComparison.Ordinal);
        Assert.Equal(source.Length, code.Length);
    }

    [Theory]
    [InlineData("var s = $\"at {Pkce.Create()} now\";", "Pkce.Create()")]
    [InlineData("var s = $\"{(ok ? Pkce.A : Pkce.B)}\";", "Pkce.B")]
    [InlineData("var c = '\\''; var p = Pkce.A;", "Pkce.A")]
    [InlineData("var s = \"a\"; var p = Pkce.A; var t = \"b\";", "Pkce.A")]
    public void Code_is_kept(string source, string kept) =>
        Assert.Contains(kept, CSharpCode.WithoutCommentsAndLiterals(source), StringComparison.Ordinal);
}
