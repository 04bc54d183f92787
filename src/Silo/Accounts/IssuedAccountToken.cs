using Fashionistas.Silo.Messaging;

namespace Fashionistas.Silo.Accounts;

/// <summary>A token just made for the e-mail that carries it (the only place it exists in clear), and who it is for.</summary>
public sealed record IssuedAccountToken(string Token, string Purpose, MessagePerson Person);
