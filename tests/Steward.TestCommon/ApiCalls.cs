using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Steward.Features.Units;

namespace Steward.Tests.Infrastructure;

public static class ApiCalls
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, StewardApp.Json, TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> SendRawAsync(this HttpClient client, HttpMethod method, string url, string body, string contentType = "application/json", string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    // A file sent as the request body, as an import takes it.
    public static Task<HttpResponseMessage> PostFileAsync(this HttpClient client, string url, byte[] content, string contentType = "application/octet-stream")
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return client.PostAsync(url, body, TestContext.Current.CancellationToken);
    }

    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string url, object? body, string? ifMatch) =>
        client.SendRawAsync(method, url, body is null ? string.Empty : JsonSerializer.Serialize(body, StewardApp.Json), ifMatch: ifMatch);

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(StewardApp.Json, TestContext.Current.CancellationToken))!;

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();

    // The messages a ValidationProblemDetails gives for one field.
    public static async Task<IReadOnlyList<string>> FieldErrorsAsync(this HttpResponseMessage response, string field)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = await response.ReadJsonAsync();
        return json.GetProperty("errors").TryGetProperty(field, out var messages)
            ? messages.EnumerateArray().Select(m => m.GetString()!).ToList()
            : throw new Xunit.Sdk.XunitException($"No error for '{field}' in {json}");
    }

    public static async Task<UnitView> GetUnitAsync(this HttpClient client, string idOrCode)
    {
        var response = await client.GetAsync($"/api/v1/units/{idOrCode}", TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.ReadAsync<UnitView>();
    }
}
