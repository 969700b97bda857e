using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Sandbox.PhotosApi.Tests;

public sealed class PhotosEndpointTests(PhotosApiFactory factory) : IClassFixture<PhotosApiFactory>
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private async Task<Photo[]> ListAsync(string subject)
    {
        using var client = factory.ClientWith(factory.Authority.Mint(subject));
        return (await client.GetFromJsonAsync<Photo[]>("/photos"))!;
    }

    [Fact]
    public async Task Alice_sees_her_four_photos_and_none_of_bobs()
    {
        var alice = await ListAsync("alice");
        var bob = await ListAsync("bob");

        Assert.Equal(4, alice.Length);
        Assert.Contains(alice, photo => photo.Title == "Harbour at dawn");
        Assert.Empty(alice.Select(photo => photo.Id).Intersect(bob.Select(photo => photo.Id)));
        Assert.DoesNotContain(alice, photo => photo.Title == "Mountain lake");
    }

    [Fact]
    public async Task Bob_sees_his_three_photos()
    {
        var bob = await ListAsync("bob");

        Assert.Equal(3, bob.Length);
        Assert.Contains(bob, photo => photo.Title == "Mountain lake");
    }

    [Fact]
    public async Task Unknown_subject_sees_the_two_photo_demo_album()
    {
        var someone = await ListAsync("3f1c2b7e-keycloak-user");

        Assert.Equal(2, someone.Length);
        Assert.All(someone, photo => Assert.StartsWith("demo-", photo.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Photo_list_is_camel_case_json_with_id_title_width_and_height()
    {
        using var client = factory.ClientWith(factory.Authority.Mint("alice"));

        using var json = JsonDocument.Parse(await client.GetStringAsync("/photos"));

        var first = json.RootElement.EnumerateArray().First();
        Assert.Equal(["id", "title", "width", "height"], first.EnumerateObject().Select(property => property.Name));
        Assert.Equal(1200, first.GetProperty("width").GetInt32());
        Assert.Equal(800, first.GetProperty("height").GetInt32());
    }

    [Theory]
    [InlineData("/photos/harbour-at-dawn")]
    [InlineData("/photos/harbour-at-dawn/thumbnail")]
    public async Task Bob_cannot_fetch_alices_image_it_is_not_found(string path)
    {
        using var client = factory.ClientWith(factory.Authority.Mint("bob"));

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_photo_id_that_does_not_exist_is_not_found()
    {
        using var client = factory.ClientWith(factory.Authority.Mint("alice"));

        using var response = await client.GetAsync("/photos/no-such-photo");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Image_is_a_png_that_only_private_caches_may_keep()
    {
        using var client = factory.ClientWith(factory.Authority.Mint("alice"));

        using var response = await client.GetAsync("/photos/harbour-at-dawn");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.Private);
        Assert.Equal(PngSignature, bytes[..8]);
        Assert.Equal((1200, 800), PngSize(bytes));
    }

    [Fact]
    public async Task Thumbnail_is_smaller_than_the_full_image()
    {
        using var client = factory.ClientWith(factory.Authority.Mint("bob"));

        var full = await client.GetByteArrayAsync("/photos/mountain-lake");
        var thumbnail = await client.GetByteArrayAsync("/photos/mountain-lake/thumbnail");

        Assert.Equal(PngSignature, thumbnail[..8]);
        Assert.True(thumbnail.Length < full.Length, $"thumbnail {thumbnail.Length} B, full {full.Length} B");
        Assert.Equal((360, 240), PngSize(thumbnail));
    }

    [Fact]
    public void Every_catalogued_photo_has_an_embedded_image_and_thumbnail()
    {
        var images = new PhotoImages();

        Assert.All(PhotoCatalog.All, photo =>
        {
            Assert.NotNull(images.Read(photo.Id, thumbnail: false));
            Assert.NotNull(images.Read(photo.Id, thumbnail: true));
        });
    }

    // PNG §11.2.2: the IHDR chunk follows the signature; width and height are its first two big-endian integers.
    private static (int Width, int Height) PngSize(byte[] png) =>
        (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
}
