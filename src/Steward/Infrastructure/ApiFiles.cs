using FluentValidation;
using FluentValidation.Results;

namespace Steward.Infrastructure;

// A file posted to the API, either as the whole body or as the multipart field "file".
public static class ApiFiles
{
    public static async Task<Stream> ReadAsync(HttpContext http, CancellationToken ct)
    {
        if (http.Request.HasFormContentType)
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
