namespace OAuthWebClient.Client.Login;

/// <summary>What the callback found in the transaction cookie for a given state.</summary>
internal sealed record TransactionReadResult(TransactionStatus Status, AuthorizationTransaction? Transaction = null)
{
    public static readonly TransactionReadResult Missing = new(TransactionStatus.Missing);
    public static readonly TransactionReadResult Unreadable = new(TransactionStatus.Unreadable);
    public static readonly TransactionReadResult StateMismatch = new(TransactionStatus.StateMismatch);
    public static readonly TransactionReadResult Expired = new(TransactionStatus.Expired);

    public static TransactionReadResult Valid(AuthorizationTransaction transaction) => new(TransactionStatus.Valid, transaction);
}
