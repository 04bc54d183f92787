namespace Fashionistas.Tests.Infrastructure;

/// <summary>Runs an authorization matrix: every route case as every role.</summary>
public static class AuthorizationMatrix
{
    /// <summary>Each (route, role) whose answer is not the status the case expects, described for the failure message.</summary>
    public static async Task<List<string>> MismatchesAsync(
        ApiFactory api, IEnumerable<RouteCase> cases, IReadOnlyDictionary<string, TestUser?> users)
    {
        var mismatches = new List<string>();
        foreach (var routeCase in cases)
        {
            foreach (var (role, user) in users)
            {
                using var request = await routeCase.Build(role);
                using var client = api.Client(user?.Token);
                using var response = await client.SendAsync(request);
                var expected = routeCase.Expected(role);
                if ((int)response.StatusCode != expected)
                {
                    mismatches.Add($"{routeCase.Name} as {role}: expected {expected}, got {(int)response.StatusCode}");
                }
            }
        }

        return mismatches;
    }
}
