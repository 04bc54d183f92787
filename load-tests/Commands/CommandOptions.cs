using System.Globalization;

namespace Fashionistas.LoadTests.Commands;

/// <summary>The <c>--name value</c> options after a command name; a name may repeat.</summary>
internal sealed class CommandOptions
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    private CommandOptions()
    {
    }

    public static CommandOptions Parse(IEnumerable<string> args)
    {
        var options = new CommandOptions();
        string? name = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                name = arg[2..];
                options.Values(name);
            }
            else if (name is not null)
            {
                options.Values(name).Add(arg);
                name = null;
            }
            else
            {
                throw new ArgumentException($"Unexpected argument '{arg}'; options are --name value.");
            }
        }

        return options;
    }

    public string? Get(string name) => _values.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;

    public string Require(string name) => Get(name) ?? throw new ArgumentException($"--{name} is required.");

    public IReadOnlyList<string> GetAll(string name) => _values.TryGetValue(name, out var values) ? values : [];

    public int GetInt(string name, int defaultValue) =>
        Get(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : defaultValue;

    private List<string> Values(string name)
    {
        if (!_values.TryGetValue(name, out var values))
        {
            values = [];
            _values[name] = values;
        }

        return values;
    }
}
