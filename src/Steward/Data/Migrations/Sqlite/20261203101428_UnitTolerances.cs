using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steward.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UnitTolerances : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "tolerances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TimeOver = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    TimeUnder = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    CostOver = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    CostUnder = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    ScopeOver = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    ScopeUnder = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    QualityOver = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    BenefitsOver = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    BenefitsUnder = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    RiskOver = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    IssuesOver = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    DependenciesOver = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tolerances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_tolerances_delivery_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "delivery_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_tolerances_UnitId",
                table: "tolerances",
                column: "UnitId",
                unique: true);

            // RAID's tolerances become the engine's: a risk escalating at a score of N is held up to N - 1,
            // an issue escalating at a priority is held up to the severity below it (Critical 4 ... Low 1), and
            // dependency lateness is kept as it was. Same ids and versions, so history and ETags carry on.
            migrationBuilder.Sql("""
                INSERT INTO tolerances (Id, UnitId, RiskOver, IssuesOver, DependenciesOver, Version, CreatedAt, UpdatedAt)
                SELECT Id, UnitId, RiskScore - 1,
                    CASE IssuePriority WHEN 'Critical' THEN 3 WHEN 'High' THEN 2 WHEN 'Medium' THEN 1 WHEN 'Low' THEN 0 END,
                    DependencyLateDays, Version, CreatedAt, UpdatedAt
                FROM raid_tolerances
                """);

            migrationBuilder.DropTable(
                name: "raid_tolerances");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "raid_tolerances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DependencyLateDays = table.Column<int>(type: "INTEGER", nullable: true),
                    IssuePriority = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    RiskScore = table.Column<int>(type: "INTEGER", nullable: true),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_raid_tolerances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_raid_tolerances_delivery_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "delivery_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_raid_tolerances_UnitId",
                table: "raid_tolerances",
                column: "UnitId",
                unique: true);

            migrationBuilder.Sql("""
                INSERT INTO raid_tolerances (Id, UnitId, RiskScore, IssuePriority, DependencyLateDays, Version, CreatedAt, UpdatedAt)
                SELECT Id, UnitId, CASE WHEN RiskOver < 25 THEN CAST(RiskOver AS INTEGER) + 1 END,
                    CASE CAST(IssuesOver AS INTEGER) WHEN 3 THEN 'Critical' WHEN 2 THEN 'High' WHEN 1 THEN 'Medium' WHEN 0 THEN 'Low' END,
                    CAST(DependenciesOver AS INTEGER), Version, CreatedAt, UpdatedAt
                FROM tolerances
                """);

            migrationBuilder.DropTable(
                name: "tolerances");
        }
    }
}
