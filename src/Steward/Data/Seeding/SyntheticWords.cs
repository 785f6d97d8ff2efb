using Steward.Features.Units;

namespace Steward.Data;

internal static class SyntheticWords
{
    public static readonly string[] FirstNames = ["Amara", "Ben", "Carys", "Dev", "Ella", "Finn", "Grace", "Hamza", "Isla", "Jack", "Kiran", "Lucy", "Mo", "Nia", "Owen", "Pooja", "Quinn", "Rhys", "Sana", "Tom", "Uma", "Vik", "Wen", "Yusuf", "Zara"];
    public static readonly string[] LastNames = ["Ahmed", "Baker", "Clarke", "Davies", "Evans", "Fraser", "Green", "Hussain", "Iqbal", "Jones", "Khan", "Lewis", "Murray", "Nolan", "Owusu", "Patel", "Quirke", "Roberts", "Singh", "Taylor", "Usman", "Vaughan", "Walsh", "Young"];
    public static readonly string[] Roles = ["Senior Responsible Owner", "Programme Manager", "Project Manager", "PMO Analyst", "Planner", "Risk Manager", "Finance Business Partner", "Benefits Manager"];

    private static readonly string[] Areas = ["Border", "Courts", "Health", "Schools", "Defence", "Housing", "Rail", "Roads", "Tax", "Benefits", "Prisons", "Policing", "Flood", "Energy", "Digital", "Water", "Skills", "Veterans", "Passport", "Pensions"];
    private static readonly string[] Themes = ["Modernisation", "Transformation", "Resilience", "Consolidation", "Renewal", "Reform", "Improvement", "Replacement", "Upgrade", "Integration"];
    private static readonly string[] Things = ["Case Management", "Data Platform", "Estate", "Network", "Contact Centre", "Payments", "Workforce", "Supply Chain", "Cyber Security", "Records", "Scheduling", "Analytics"];

    public static string NameFor(Random random, UnitKind kind)
    {
        var area = Areas[random.Next(Areas.Length)];
        var theme = Themes[random.Next(Themes.Length)];
        var thing = Things[random.Next(Things.Length)];
        return kind switch
        {
            UnitKind.Portfolio => $"{area} {theme} Portfolio",
            UnitKind.Programme => $"{area} {thing} {theme} Programme",
            _ => $"{area} {thing} {theme}",
        };
    }
}
