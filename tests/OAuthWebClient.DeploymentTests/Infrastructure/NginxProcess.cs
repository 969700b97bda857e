using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace OAuthWebClient.DeploymentTests.Infrastructure;

/// <summary>
/// nginx as the operator's reverse proxy: <c>nginx/nginx.conf.template</c> filled in with this run's ports and
/// certificate, in its own prefix folder, in the foreground (<c>daemon off</c>) as a child process. Works as root and not.
/// </summary>
internal static class NginxProcess
{
    private static readonly string[] Candidates = ["/usr/sbin/nginx", "/usr/bin/nginx"];

    /// <summary>Null when nginx is installed; otherwise how to install it.</summary>
    public static string? WhyUnavailable => Executable is null ? "nginx is not installed (sudo apt-get install nginx)." : null;

    private static string? Executable =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(dir => Path.Combine(dir, "nginx"))
            .Concat(Candidates).FirstOrDefault(File.Exists);

    /// <summary>The configuration for <paramref name="port"/> in front of the instances on <paramref name="instancePorts"/>.</summary>
    public static string Configuration(string prefix, int port, IEnumerable<int> instancePorts, TestCertificate certificate)
    {
        var template = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "nginx", "nginx.conf.template"));
        var servers = new StringBuilder();
        foreach (var instance in instancePorts)
        {
            // One refused connection takes an instance out for 2 s, then nginx tries it again.
            servers.Append(CultureInfo.InvariantCulture, $"        server 127.0.0.1:{instance} max_fails=1 fail_timeout=2s;\n");
        }

        return template
            .Replace("{{PREFIX}}", prefix, StringComparison.Ordinal)
            .Replace("{{PORT}}", port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{{UPSTREAM_SERVERS}}", servers.ToString().TrimEnd('\n'), StringComparison.Ordinal)
            .Replace("{{CERTIFICATE}}", certificate.CertificatePath, StringComparison.Ordinal)
            .Replace("{{CERTIFICATE_KEY}}", certificate.KeyPath, StringComparison.Ordinal);
    }

    /// <summary>nginx with <paramref name="configuration"/> written to <c>{prefix}/nginx.conf</c>, ready when it answers over TLS.</summary>
    public static ServiceProcess Create(string prefix, string configuration, Uri origin, TestCertificate certificate)
    {
        var path = Path.Combine(prefix, "nginx.conf");
        File.WriteAllText(path, configuration);
        if (Environment.UserName == "root" && !OperatingSystem.IsWindows())
        {
            // As root nginx's workers run as nobody: they must reach the temp folders under the prefix.
            File.SetUnixFileMode(prefix, File.GetUnixFileMode(prefix) | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return new ServiceProcess(
            "nginx",
            () => new ProcessStartInfo(Executable ?? throw new InvalidOperationException(WhyUnavailable), ["-e", "stderr", "-p", prefix, "-c", path, "-g", "daemon off;"]),
            _ => AnswersOverTlsAsync(origin, certificate));
    }

    private static async Task<bool> AnswersOverTlsAsync(Uri origin, TestCertificate certificate)
    {
        using var http = new HttpClient(certificate.TrustingHandler()) { Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(origin, "/health/live"));
                return true;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(200);
            }
        }

        return false;
    }
}
