using System.Text;
using MQTTnet;

namespace Edge.Sync.Mqtt;

/// <summary>
/// MQTT user name and password read from files at every connection attempt, so a rotated password is used
/// without a restart. The values are handed to MQTTnet only; nothing here logs or formats them.
/// </summary>
internal sealed class CredentialFiles(string usernameFile, string? passwordFile) : IMqttClientCredentialsProvider
{
    /// <summary>A credential file longer than this is not a credential (MQTT strings are at most 65535 bytes).</summary>
    private const int MaxFileBytes = 65535;

    public string GetUserName(MqttClientOptions clientOptions) => FirstLine(usernameFile, "Mqtt:UsernameFile");

    public byte[]? GetPassword(MqttClientOptions clientOptions) =>
        passwordFile is null ? null : Encoding.UTF8.GetBytes(FirstLine(passwordFile, "Mqtt:PasswordFile"));

    private static string FirstLine(string path, string key)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"{key}: file not found", path);
        }

        if (info.Length > MaxFileBytes)
        {
            throw new InvalidDataException($"{key}: '{path}' is larger than {MaxFileBytes} bytes");
        }

        string text = File.ReadAllText(path);
        int newline = text.IndexOfAny(['\r', '\n']);
        return newline < 0 ? text : text[..newline];
    }
}
