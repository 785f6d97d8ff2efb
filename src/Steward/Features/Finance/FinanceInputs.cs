using System.ComponentModel;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Steward.Features.Finance;

// An amount as it was written, a number or text (1200.50, "£1.2m", "(1,200.00)"), read by Money.TryParse
// when the change is checked, so a bad one is reported against its field like any other mistake.
[JsonConverter(typeof(AmountTextConverter))]
public readonly record struct AmountText(string Text);

public sealed class AmountTextConverter : JsonConverter<AmountText>
{
    public override AmountText Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number => new AmountText(reader.HasValueSequence ? Encoding.UTF8.GetString(reader.ValueSequence) : Encoding.UTF8.GetString(reader.ValueSpan)),
        JsonTokenType.String => new AmountText(reader.GetString() ?? string.Empty),
        _ => throw new JsonException("An amount is a number or text such as \"£1.2m\""),
    };

    public override void Write(Utf8JsonWriter writer, AmountText value, JsonSerializerOptions options) => writer.WriteStringValue(value.Text);
}

// Money is written to the API as pounds with pence (1200.5), exactly.
public sealed class MoneyJsonConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Money.FromPounds(reader.GetDecimal());

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Pounds);
}

// One line of money in a change: which category (and cost type) and year, and the months to set.
public sealed record FinanceLineInput(
    [property: Description("rdel-administration, rdel-programme, cdel, non-government or ame.")] string? Category,
    [property: Description("staff, contractors, suppliers, capital-works or other; left out where the unit does not split its money by cost type.")] string? CostType,
    [property: Description("The financial year, 2026-27.")] string? Year,
    [property: Description("Amounts by period, P1 (April) to P12 (March), as numbers in pounds or text such as \"£1.2m\" or \"(1,200.00)\"; months left out keep what they have.")] Dictionary<string, AmountText>? Months);

// A change to a unit's forecast or actuals.
public sealed record FinanceChangeInput(
    [property: Description("Why the money changes: a re-phasing, a correction. Required; kept in the history.")] string? Reason,
    [property: Description("Forecasts only: a change that moves money between months and years must keep the total of the lines it names; set this to change the total.")] bool ChangeTotal,
    [property: Description("The lines to change.")] List<FinanceLineInput>? Lines);

// A new budget baseline: the lines named replace the current baseline's, the rest carry over.
public sealed record BaselineInput(
    [property: Description("Why the budget changes. Required.")] string? Reason,
    [property: Description("The governance decision approving it, as the decisions log quotes it (DEC-0007), on this unit or one above.")] string? Decision,
    [property: Description("The lines of the new baseline that differ from the current one.")] List<FinanceLineInput>? Lines);

// What people who hold only the Viewer role see of a unit's money and the money below it.
public sealed record FinanceViewersInput(
    [property: Description("true: viewers see totals only (no lines, months, categories or downloads); false: they see everything a contributor sees.")] bool? TotalsOnly);
