using System.Globalization;

namespace Fashionistas.LoadTests.Cli;

/// <summary>
/// Options of one command: <c>--name value</c>, <c>--flag</c> and <c>--no-flag</c>. Every option read is
/// remembered, so <see cref="ThrowOnUnknown"/> can refuse typos instead of silently running with defaults.
/// </summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public CommandLine(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length < 3)
            {
                throw new UsageException($"Unexpected argument '{arg}': options look like --name value.");
            }

            var name = arg[2..];
            string? value = null;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }

            _values[name] = value;
        }
    }

    public bool Has(string name)
    {
        _read.Add(name);
        return _values.ContainsKey(name);
    }

    public string? Text(string name)
    {
        _read.Add(name);
        return _values.TryGetValue(name, out var value) ? value ?? throw new UsageException($"--{name} needs a value.") : null;
    }

    public int Int(string name, int defaultValue, int min, int max)
    {
        var text = Text(name);
        if (text is null)
        {
            return defaultValue;
        }

        return int.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
               && value >= min && value <= max
            ? value
            : throw new UsageException($"--{name} must be a whole number from {min} to {max}, not '{text}'.");
    }

    /// <summary>A rate such as <c>200</c> or <c>200/s</c> (per second).</summary>
    public double Rate(string name, double defaultValue, double max)
    {
        var text = Text(name);
        if (text is null)
        {
            return defaultValue;
        }

        var number = text.EndsWith("/s", StringComparison.OrdinalIgnoreCase) ? text[..^2] : text;
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && value <= max
            ? value
            : throw new UsageException($"--{name} must be a rate per second above 0 and at most {max}, such as 200/s, not '{text}'.");
    }

    /// <summary>A duration such as <c>90</c> (seconds), <c>500ms</c>, <c>30s</c>, <c>5m</c> or <c>1h</c>.</summary>
    public TimeSpan Duration(string name, TimeSpan defaultValue, TimeSpan max, bool zeroAllowed = false)
    {
        var text = Text(name);
        if (text is null)
        {
            return defaultValue;
        }

        var value = ParseDuration(text) ?? throw new UsageException($"--{name} must be a duration such as 30s, 5m or 1h, not '{text}'.");
        return (value > TimeSpan.Zero || (zeroAllowed && value == TimeSpan.Zero)) && value <= max
            ? value
            : throw new UsageException($"--{name} must be {(zeroAllowed ? "zero or more" : "above zero")} and at most {max}.");
    }

    /// <summary><c>--name</c> or <c>--name true</c> turns it on, <c>--no-name</c> or <c>--name false</c> off.</summary>
    public bool Flag(string name, bool defaultValue)
    {
        _read.Add(name);
        _read.Add("no-" + name);
        if (_values.ContainsKey("no-" + name))
        {
            return false;
        }

        if (!_values.TryGetValue(name, out var value))
        {
            return defaultValue;
        }

        if (value is null)
        {
            return true;
        }

        return bool.TryParse(value, out var parsed) ? parsed : throw new UsageException($"--{name} takes true or false, not '{value}'.");
    }

    public Uri? Url(string name)
    {
        var text = Text(name);
        if (text is null)
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new UsageException($"--{name} must be an http(s) URL, not '{text}'.");
    }

    public void ThrowOnUnknown()
    {
        var unknown = _values.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"Unknown option(s): {string.Join(", ", unknown.Select(u => "--" + u))}.");
        }
    }

    internal static TimeSpan? ParseDuration(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        (string Suffix, double Seconds)[] units = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)];
        foreach (var (suffix, seconds) in units)
        {
            if (t.EndsWith(suffix, StringComparison.Ordinal)
                && double.TryParse(t[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
            {
                return TimeSpan.FromSeconds(n * seconds);
            }
        }

        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain) ? TimeSpan.FromSeconds(plain) : null;
    }
}
