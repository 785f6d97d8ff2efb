using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steward.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BusinessCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "business_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Strategic = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Economic = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Commercial = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Financial = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Management = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Links = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ProjectType = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    BaseYear = table.Column<int>(type: "INTEGER", nullable: false),
                    PreferredOptionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ApprovedStage = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    ApprovalDecision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ApprovedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_business_cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_business_cases_delivery_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "delivery_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "appraisal_options",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BusinessCaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    OptimismBias = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: false),
                    OptimismBiasReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CashFlows = table.Column<string>(type: "TEXT", maxLength: 60000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_appraisal_options", x => x.Id);
                    table.ForeignKey(
                        name: "FK_appraisal_options_business_cases_BusinessCaseId",
                        column: x => x.BusinessCaseId,
                        principalTable: "business_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_appraisal_options_BusinessCaseId",
                table: "appraisal_options",
                column: "BusinessCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_business_cases_UnitId",
                table: "business_cases",
                column: "UnitId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "appraisal_options");

            migrationBuilder.DropTable(
                name: "business_cases");
        }
    }
}
