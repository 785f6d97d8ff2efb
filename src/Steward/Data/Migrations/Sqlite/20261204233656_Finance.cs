using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steward.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Finance : Migration
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
                name: "finance_baselines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ApprovedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_finance_baselines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_finance_baselines_delivery_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "delivery_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "finance_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Layer = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Baseline = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Lines = table.Column<int>(type: "INTEGER", nullable: false),
                    Before = table.Column<long>(type: "INTEGER", nullable: false),
                    After = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_finance_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_finance_changes_delivery_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "delivery_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "finance_lines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Layer = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Baseline = table.Column<int>(type: "INTEGER", nullable: false),
                    Current = table.Column<bool>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    CostType = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    P1 = table.Column<long>(type: "INTEGER", nullable: false),
                    P2 = table.Column<long>(type: "INTEGER", nullable: false),
                    P3 = table.Column<long>(type: "INTEGER", nullable: false),
                    P4 = table.Column<long>(type: "INTEGER", nullable: false),
                    P5 = table.Column<long>(type: "INTEGER", nullable: false),
                    P6 = table.Column<long>(type: "INTEGER", nullable: false),
                    P7 = table.Column<long>(type: "INTEGER", nullable: false),
                    P8 = table.Column<long>(type: "INTEGER", nullable: false),
                    P9 = table.Column<long>(type: "INTEGER", nullable: false),
                    P10 = table.Column<long>(type: "INTEGER", nullable: false),
                    P11 = table.Column<long>(type: "INTEGER", nullable: false),
                    P12 = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_finance_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_finance_lines_delivery_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "delivery_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "finance_rollups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Layer = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    P1 = table.Column<long>(type: "INTEGER", nullable: false),
                    P2 = table.Column<long>(type: "INTEGER", nullable: false),
                    P3 = table.Column<long>(type: "INTEGER", nullable: false),
                    P4 = table.Column<long>(type: "INTEGER", nullable: false),
                    P5 = table.Column<long>(type: "INTEGER", nullable: false),
                    P6 = table.Column<long>(type: "INTEGER", nullable: false),
                    P7 = table.Column<long>(type: "INTEGER", nullable: false),
                    P8 = table.Column<long>(type: "INTEGER", nullable: false),
                    P9 = table.Column<long>(type: "INTEGER", nullable: false),
                    P10 = table.Column<long>(type: "INTEGER", nullable: false),
                    P11 = table.Column<long>(type: "INTEGER", nullable: false),
                    P12 = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_finance_rollups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_finance_rollups_delivery_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "delivery_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "finances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Baseline = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_finances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_finances_delivery_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "delivery_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ledger_mappings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_mappings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ledger_mappings_delivery_units_UnitId",
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

            migrationBuilder.CreateIndex(
                name: "IX_finance_baselines_UnitId_Number",
                table: "finance_baselines",
                columns: new[] { "UnitId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_finance_changes_UnitId_CreatedAt",
                table: "finance_changes",
                columns: new[] { "UnitId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_finance_lines_Current_UnitId",
                table: "finance_lines",
                columns: new[] { "Current", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_finance_lines_UnitId_Layer_Baseline_Category_CostType_Year",
                table: "finance_lines",
                columns: new[] { "UnitId", "Layer", "Baseline", "Category", "CostType", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_finance_rollups_UnitId_Layer_Category_Year",
                table: "finance_rollups",
                columns: new[] { "UnitId", "Layer", "Category", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_finances_UnitId",
                table: "finances",
                column: "UnitId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_mappings_Kind_Source",
                table: "ledger_mappings",
                columns: new[] { "Kind", "Source" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_mappings_UnitId",
                table: "ledger_mappings",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "appraisal_options");

            migrationBuilder.DropTable(
                name: "finance_baselines");

            migrationBuilder.DropTable(
                name: "finance_changes");

            migrationBuilder.DropTable(
                name: "finance_lines");

            migrationBuilder.DropTable(
                name: "finance_rollups");

            migrationBuilder.DropTable(
                name: "finances");

            migrationBuilder.DropTable(
                name: "ledger_mappings");

            migrationBuilder.DropTable(
                name: "business_cases");
        }
    }
}
