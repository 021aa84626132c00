using System.Text.Json;
using System.Text.Json.Serialization;

namespace Edge.Service.Control;

/// <summary>
/// The control API's JSON: camelCase properties, enums as snake_case strings (decisions read <c>suspicious</c>,
/// <c>not_eligible</c> as in the MQTT summary), ISO 8601 times. <c>edgectl</c> reads with the same options.
/// </summary>
public static class ControlJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
