namespace Steward.Features.Benefits;

// When a benefit's next measurement is due: one period of its frequency after the last measurement, or
// after the baseline if none has been taken. Only benefits being tracked (validated, in realisation) are
// due; one past its date is overdue, and is flagged to its owner on the register and the benefit's page.
public static class MeasurementDue
{
    public static DateOnly? Next(BenefitStatus status, MeasurementFrequency? frequency, DateOnly? lastMeasured, DateOnly? baselineDate)
    {
        if (status is not (BenefitStatus.Validated or BenefitStatus.InRealisation) || frequency is not { } every || (lastMeasured ?? baselineDate) is not { } from)
        {
            return null;
        }

        return every switch
        {
            MeasurementFrequency.Monthly => from.AddMonths(1),
            MeasurementFrequency.Quarterly => from.AddMonths(3),
            MeasurementFrequency.SixMonthly => from.AddMonths(6),
            _ => from.AddYears(1),
        };
    }
}
