using FluentValidation;
using FluentValidation.Results;

namespace Steward.Infrastructure;

// A file posted to the API, either as the whole body or as the multipart field "file".
public static class ApiFiles
{
    public static async Task<Stream> ReadAsync(HttpContext http, CancellationToken ct)
    {
        // Only a multipart form carries a file field; a body labelled as a URL-encoded form (curl's default for
        // --data-binary) is the file itself, not form fields to parse (which failed with a 500 on any real file).
        if (http.Request.HasFormContentType && http.Request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            var form = await http.Request.ReadFormAsync(ct);
            return form.Files.GetFile("file")?.OpenReadStream()
                ?? throw new ValidationException([new ValidationFailure("file", "Choose a file to import")]);
        }

        var file = new MemoryStream();
        await http.Request.Body.CopyToAsync(file, ct);
        if (file.Length == 0)
        {
            throw new ValidationException([new ValidationFailure("file", "The request has no file: send it as the body or as the multipart field ‘file’")]);
        }

        file.Position = 0;
        return file;
    }
}
