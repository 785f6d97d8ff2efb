using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steward.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Stage = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Strategic = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Economic = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Commercial = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Financial = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Management = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Links = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ProjectType = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    BaseYear = table.Column<int>(type: "integer", nullable: false),
                    PreferredOptionId = table.Column<Guid>(type: "uuid", nullable: true),
                    ApprovedStage = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    ApprovalDecision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ApprovedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ApprovedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BusinessCaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    OptimismBias = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    OptimismBiasReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CashFlows = table.Column<string>(type: "character varying(60000)", maxLength: 60000, nullable: false)
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
