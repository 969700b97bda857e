namespace OAuthWebClient.Logging;

/// <summary>An exception as logged: its type, message and stack trace with secrets redacted.</summary>
public sealed class RedactedException : Exception
{
    private readonly string _text;

    public RedactedException()
        : this(new InvalidOperationException())
    {
    }

    public RedactedException(string message)
        : this(new InvalidOperationException(message))
    {
    }

    public RedactedException(string message, Exception innerException)
        : this(new InvalidOperationException(message, innerException))
    {
    }

    public RedactedException(Exception original)
        : base(SecretRedactor.Redact((original ?? throw new ArgumentNullException(nameof(original))).Message)) =>
        _text = SecretRedactor.Redact(original.ToString());

    public override string ToString() => _text;

    public override string? StackTrace => null;
}
