using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Slipway.EcsDeploy.CodePipeline;

/// <summary>
/// The files CodePipeline's ECS deploy actions read: <c>imagedefinitions.json</c> (standard deployments: <c>[{"name": container, "imageUri": image}]</c>)
/// and <c>imageDetail.json</c> (blue/green deployments: <c>{"ImageURI": image}</c>); UTF-8, at most 100 KB, as AWS's file reference says.
/// </summary>
public static class CodePipelineImageFiles
{
    /// <summary>The standard deployment's file name.</summary>
    public const string ImageDefinitionsFileName = "imagedefinitions.json";

    /// <summary>The blue/green deployment's file name.</summary>
    public const string ImageDetailFileName = "imageDetail.json";

    /// <summary>CodePipeline refuses larger definitions files.</summary>
    public const int MaximumBytes = 100 * 1024;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The <c>imagedefinitions.json</c> text: one entry per container, in the order given.</summary>
    /// <exception cref="ArgumentException">No container, an empty or repeated name, or an empty image.</exception>
    public static string ImageDefinitions(IReadOnlyList<KeyValuePair<string, string>> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Count == 0)
            throw new ArgumentException("imagedefinitions.json needs at least one container: name the containers that run the image.", nameof(images));
        var array = new JsonArray();
        foreach (var (name, image) in images)
        {
            if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(image))
                throw new ArgumentException($"imagedefinitions.json entry '{name}' = '{image}': the container name and the image must not be empty.", nameof(images));
            if (images.Count(x => x.Key == name) > 1)
                throw new ArgumentException($"imagedefinitions.json names container '{name}' twice; name each container once.", nameof(images));
            array.Add(new JsonObject { ["name"] = name, ["imageUri"] = image });
        }

        return Checked(array.ToJsonString(Indented), ImageDefinitionsFileName);
    }

    /// <summary>The <c>imageDetail.json</c> text for <paramref name="image"/>.</summary>
    public static string ImageDetail(string image)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        return Checked(new JsonObject { ["ImageURI"] = image }.ToJsonString(Indented), ImageDetailFileName);
    }

    /// <summary>Writes both files into <paramref name="folder"/> (created when missing); imageDetail.json names the first container's image. Returns the two paths.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(string folder, IReadOnlyList<KeyValuePair<string, string>> images, CancellationToken cancellationToken = default)
    {
        var definitions = ImageDefinitions(images);
        var detail = ImageDetail(images[0].Value);
        Directory.CreateDirectory(folder);
        var paths = new[] { Path.Combine(folder, ImageDefinitionsFileName), Path.Combine(folder, ImageDetailFileName) };
        // UTF-8 without a byte order mark: the action reads plain JSON.
        await File.WriteAllTextAsync(paths[0], definitions, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(paths[1], detail, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        return paths;
    }

    private static string Checked(string text, string file) =>
        Encoding.UTF8.GetByteCount(text) <= MaximumBytes
            ? text + "\n"
            : throw new ArgumentException($"{file} would be {Encoding.UTF8.GetByteCount(text):N0} bytes; CodePipeline reads at most {MaximumBytes:N0}.");
}
