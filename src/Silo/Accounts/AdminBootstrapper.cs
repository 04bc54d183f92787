using System.Security.Cryptography;
using Fashionistas.Silo.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fashionistas.Silo.Accounts;

/// <summary>
/// Creates the first admin from configuration; with no password configured and no admin yet, generates a strong
/// one and prints it once to the console (it is never stored in clear or logged again).
/// </summary>
internal sealed class AdminBootstrapper(UserStore users, IOptions<AdminOptions> options, ILogger<AdminBootstrapper> logger)
    : IDatabaseInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (await users.FindByEmailAsync(o.Email, cancellationToken) is not null)
        {
            return;
        }

        if (string.IsNullOrEmpty(o.Password) && await users.AnyWithRoleAsync(UserRoles.Admin, cancellationToken))
        {
            return;
        }

        var password = string.IsNullOrEmpty(o.Password) ? GeneratePassword() : o.Password;
        await users.CreateAsync(o.Email, password, "Administrator", [UserRoles.Admin, UserRoles.Organizer], cancellationToken, emailVerified: true);
        logger.LogInformation("Created admin account {Email}", o.Email);
        if (string.IsNullOrEmpty(o.Password))
        {
            Console.WriteLine();
            Console.WriteLine("==============================================================");
            Console.WriteLine($" Admin account created: {o.Email}");
            Console.WriteLine($" Generated password (shown only this once): {password}");
            Console.WriteLine(" Set Fashionistas__Admin__Password to choose your own.");
            Console.WriteLine("==============================================================");
            Console.WriteLine();
        }
    }

    private static string GeneratePassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
}
