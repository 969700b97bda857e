using System.Collections.Concurrent;

namespace Sandbox.PhotosApi;

/// <summary>
/// Reads the PNG images embedded in this assembly (<c>Photos/{id}.png</c> and <c>Photos/{id}.thumb.png</c>), so they are
/// found whatever the content root of the hosting app.
/// </summary>
public sealed class PhotoImages
{
    private readonly ConcurrentDictionary<string, byte[]?> _cache = new(StringComparer.Ordinal);

    /// <summary>The resource name of a photo's full image or thumbnail.</summary>
    public static string ResourceName(string photoId, bool thumbnail) =>
        thumbnail ? $"Photos/{photoId}.thumb.png" : $"Photos/{photoId}.png";

    /// <summary>The PNG bytes, or null when no such resource is embedded.</summary>
    public byte[]? Read(string photoId, bool thumbnail) =>
        _cache.GetOrAdd(ResourceName(photoId, thumbnail), Load);

    private static byte[]? Load(string resourceName)
    {
        using var stream = typeof(PhotoImages).Assembly.GetManifestResourceStream(resourceName);
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
