namespace Steward.Data;

internal static class DemoPeople
{
    public static readonly (string Key, string Name, string Role)[] All =
    [
        ("dg-borders", "Helen Okafor", "Director General, Borders and Immigration"),
        ("dir-digital", "Marcus Whitfield", "Director of Digital Services"),
        ("dir-casework", "Priya Raman", "Director of Casework Operations"),
        ("coo", "Gareth Llewellyn", "Chief Operating Officer"),
        ("dir-estates", "Siobhan Doyle", "Director of Estates"),
        ("dir-finance", "Thomas Achebe", "Finance Director"),
        ("pgm-borders", "Aisha Karim", "Programme Director, Digital Borders"),
        ("pgm-casework", "Daniel Morgan", "Programme Manager, Casework Transformation"),
        ("pgm-estates", "Fiona MacLeod", "Programme Manager, Estates"),
        ("pgm-shared", "Rajesh Patel", "Programme Manager, Shared Services"),
        ("pm-eta", "Chloe Bennett", "Project Manager"),
        ("pm-data", "Oluwaseun Adeyemi", "Project Manager"),
        ("pm-gates", "Liam O'Connor", "Project Manager"),
        ("pm-casework", "Sarah Goldberg", "Project Manager"),
        ("pm-evisa", "Mei Lin Chen", "Project Manager"),
        ("pm-estates", "Robert Hughes", "Project Manager"),
        ("pm-erp", "Natalia Kowalska", "Project Manager"),
        ("pmo-lead", "Joanne Price", "Head of Portfolio Office"),
        ("pmo-analyst", "Kwame Asante", "PMO Analyst"),
        ("pmo-planner", "Eleanor Shaw", "Planning Lead, Portfolio Office"),
    ];
}
