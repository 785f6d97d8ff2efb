using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steward.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BenefitTracking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "benefit_tracking",
                columns: table => new
                {
                    BenefitId = table.Column<Guid>(type: "uuid", nullable: false),
                    LastMeasuredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LastValue = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    PlannedThen = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    DeviationPercent = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_benefit_tracking", x => x.BenefitId);
                    table.ForeignKey(
                        name: "FK_benefit_tracking_benefits_BenefitId",
                        column: x => x.BenefitId,
                        principalTable: "benefits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "benefit_years",
                columns: table => new
                {
                    BenefitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Planned = table.Column<long>(type: "bigint", nullable: false),
                    Realised = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_benefit_years", x => new { x.BenefitId, x.Year });
                    table.ForeignKey(
                        name: "FK_benefit_years_benefits_BenefitId",
                        column: x => x.BenefitId,
                        principalTable: "benefits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "benefit_tracking");

            migrationBuilder.DropTable(
                name: "benefit_years");
        }
    }
}
