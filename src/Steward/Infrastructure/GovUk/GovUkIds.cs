namespace Steward.Infrastructure.GovUk;

public static class GovUkIds
{
    // "Input.BaselineStart" becomes "Input_BaselineStart", the id the error summary links to.
    public static string For(string name) => name.Replace('.', '_').Replace('[', '_').Replace(']', '_');
}
