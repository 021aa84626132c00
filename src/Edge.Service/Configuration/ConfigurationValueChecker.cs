using System.Collections;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Edge.Service.Configuration;

/// <summary>
/// Walks one configuration section against its options type before binding, so a value that cannot be converted
/// (<c>Dicom:Port = "abc"</c>) is reported by key like any other error instead of stopping the binder at the first one,
/// and a key the type does not have (a typo such as <c>Dicom:Prot</c>) is reported as a warning.
/// </summary>
internal static class ConfigurationValueChecker
{
    /// <summary>Depth of nested options objects; ours go three deep (Mqtt:Tls:CaFile), so 8 is only a guard against cycles.</summary>
    private const int MaxDepth = 8;

    public static void Check(IConfigurationSection section, Type optionsType, ConfigurationReport report)
    {
        // A top-level list (Destinations:0:Host, ...) is checked entry by entry, like a list inside a section.
        if (ElementType(optionsType) is not null)
        {
            CheckValue(section, optionsType, report, 0);
            return;
        }

        CheckObject(section, optionsType, report, 0);
    }

    private static void CheckObject(IConfigurationSection section, Type type, ConfigurationReport report, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        if (section.Value is { Length: > 0 } && !section.GetChildren().Any())
        {
            report.Error(section.Path, $"must be a section with keys, not a single value (was '{section.Value}')");
            return;
        }

        foreach (IConfigurationSection child in section.GetChildren())
        {
            PropertyInfo? property = type.GetProperty(child.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null || property.GetIndexParameters().Length > 0 || (property.SetMethod is null && ElementType(property.PropertyType) is null))
            {
                report.Warning(child.Path, "unknown key, ignored");
                continue;
            }

            CheckValue(child, property.PropertyType, report, depth + 1);
        }
    }

    private static void CheckValue(IConfigurationSection node, Type declared, ConfigurationReport report, int depth)
    {
        Type type = Nullable.GetUnderlyingType(declared) ?? declared;
        if (IsScalar(type))
        {
            if (node.Value is null)
            {
                if (node.GetChildren().Any())
                {
                    report.Error(node.Path, $"must be a single value ({Describe(type)}), not a section");
                }

                return;
            }

            if (!TryConvert(node.Value, type))
            {
                report.Error(node.Path, $"must be {Describe(type)} (was '{node.Value}')");
                report.MarkUnusable(node.Path);
            }

            return;
        }

        if (ElementType(type) is { } element)
        {
            foreach (IConfigurationSection item in node.GetChildren())
            {
                if (!int.TryParse(item.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    report.Error(item.Path, "must be a list entry (an index 0, 1, ...)");
                    report.MarkUnusable(item.Path);
                    continue;
                }

                CheckValue(item, element, report, depth + 1);
            }

            return;
        }

        CheckObject(node, type, report, depth);
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(Guid) || type == typeof(Uri);

    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (type.IsGenericType && type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type))
        {
            Type[] arguments = type.GetGenericArguments();
            return arguments.Length == 1 ? arguments[0] : null;
        }

        return null;
    }

    private static bool TryConvert(string value, Type type)
    {
        if (type == typeof(string))
        {
            return true;
        }

        if (value.Length == 0)
        {
            // The binder leaves the default in place for an empty value; for anything but text that hides a mistake.
            return false;
        }

        if (type.IsEnum)
        {
            return Enum.TryParse(type, value, ignoreCase: true, out object? parsed) && Enum.IsDefined(type, parsed!);
        }

        try
        {
            TypeConverter converter = TypeDescriptor.GetConverter(type);
            return converter.ConvertFromInvariantString(value) is not null;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or NotSupportedException or OverflowException
            || ex.InnerException is FormatException or OverflowException)
        {
            return false;
        }
    }

    private static string Describe(Type type) => type switch
    {
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) => "a whole number",
        _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => "a number",
        _ when type == typeof(TimeSpan) => "a duration such as 00:00:10",
        _ when type.IsEnum => "one of " + string.Join(", ", Enum.GetNames(type)),
        _ => "a " + type.Name,
    };
}
