using System.Text.RegularExpressions;

namespace OAuthWebClient.Client.Tests.Dependencies;

/// <summary>A using directive: a namespace brought into scope, or (static, alias) a direct reference to what it names.</summary>
internal sealed record UsingDirective(string Target, bool IsGlobal, bool IsStaticOrAlias);

/// <summary>
/// What one C# file declares and mentions, read from its text with comments and literals blanked: its namespace, its
/// using directives, the type and extension-method names it declares, and the names and dotted names its code uses.
/// </summary>
internal sealed partial record SourceFile(
    string RelativePath,
    string Project,
    string Namespace,
    IReadOnlyList<UsingDirective> Usings,
    IReadOnlySet<string> DeclaredSymbols,
    IReadOnlySet<string> Names,
    IReadOnlySet<string> DottedNames)
{
    private static readonly HashSet<string> Keywords =
        ["class", "struct", "interface", "enum", "record", "where", "new", "notnull", "unmanaged", "default", "public", "internal", "static"];

    public static SourceFile Parse(string relativePath, string project, string text)
    {
        var code = CSharpCode.WithoutCommentsAndLiterals(text);
        var namespaces = NamespaceDeclaration().Matches(code);
        if (namespaces.Count != 1)
        {
            throw new InvalidOperationException($"{relativePath} declares {namespaces.Count} namespaces; the dependency test reads exactly one per file.");
        }

        var body = code[(namespaces[0].Index + namespaces[0].Length)..];
        var usings = Using().Matches(code)
            .Select(m => new UsingDirective(m.Groups["target"].Value.Replace("global::", "", StringComparison.Ordinal), m.Groups["global"].Success, m.Groups["static"].Success || m.Groups["alias"].Success))
            .ToList();
        var declared = TypeDeclaration().Matches(code).Select(m => m.Groups["name"].Value)
            .Concat(DelegateDeclaration().Matches(code).Select(m => m.Groups["name"].Value))
            .Concat(ExtensionMethod().Matches(code).Select(m => m.Groups["name"].Value))
            .Where(name => !Keywords.Contains(name))
            .ToHashSet(StringComparer.Ordinal);
        var names = Name().Matches(body).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
        var dotted = DottedName().Matches(body).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
        return new SourceFile(relativePath, project, namespaces[0].Groups["name"].Value, usings, declared, names, dotted);
    }

    [GeneratedRegex(@"^\s*namespace\s+(?<name>[\w.]+)\s*[;{]", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"^\s*(?<global>global\s+)?using\s+(?<static>static\s+)?(?:(?<alias>\w+)\s*=\s*)?(?<target>[\w.:]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex Using();

    [GeneratedRegex(@"\b(?:class|struct|interface|enum|record)\s+@?(?<name>[A-Za-z_]\w*)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"\bdelegate\s+[\w<>\[\]?,. ]+?\s+(?<name>[A-Za-z_]\w*)\s*(?:<[^>]*>)?\s*\(")]
    private static partial Regex DelegateDeclaration();

    /// <summary>A non-private extension method: callable by its name wherever its class's namespace is in scope.</summary>
    [GeneratedRegex(@"^\s*(?:public|internal)\b[^\n;{}=]*\bstatic\b[^\n;{}=]*?\b(?<name>[A-Za-z_]\w*)\s*(?:<[^\n()]*>)?\s*\(\s*this\s", RegexOptions.Multiline)]
    private static partial Regex ExtensionMethod();

    /// <summary>A name that is not a member access (not after a dot): a type, a method called by its simple name, a local.</summary>
    [GeneratedRegex(@"(?<![\w.@])@?(?<name>[A-Za-z_]\w*)")]
    private static partial Regex Name();

    /// <summary>A name with dots (<c>Tokens.TokenSet</c>, <c>global::OAuthWebClient.Client.X</c>), from its first segment.</summary>
    [GeneratedRegex(@"(?<![\w.:])(?:global::)?(?<name>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)")]
    private static partial Regex DottedName();
}
