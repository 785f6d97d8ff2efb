using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steward.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Reporting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "independent_dcas",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssessedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Rating = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Scale = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_independent_dcas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_independent_dcas_delivery_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "delivery_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "reporting_cycles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Cadence = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    DueDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Scale = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    ForbidSelfApproval = table.Column<bool>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_cycles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_reporting_cycles_delivery_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "delivery_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "status_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Cadence = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Edition = table.Column<int>(type: "INTEGER", nullable: false),
                    CorrectsId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CorrectionReason = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Achievements = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    NextPeriod = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    DecisionsNeeded = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    FiguresNote = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Dca = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    DcaScale = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    DcaJustification = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Schedule = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    ScheduleJustification = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Cost = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    CostJustification = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Benefits = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    BenefitsJustification = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Risk = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    RiskJustification = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Resources = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    ResourcesJustification = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    ScopeJustification = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    SubmittedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    ReturnComment = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_status_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_status_reports_delivery_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "delivery_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_status_reports_status_reports_CorrectsId",
                        column: x => x.CorrectsId,
                        principalTable: "status_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "status_report_snapshots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TakenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Digest = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_status_report_snapshots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_status_report_snapshots_status_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "status_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_independent_dcas_UnitId_AssessedOn",
                table: "independent_dcas",
                columns: new[] { "UnitId", "AssessedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_reporting_cycles_UnitId",
                table: "reporting_cycles",
                column: "UnitId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_status_report_snapshots_ReportId_TakenAt",
                table: "status_report_snapshots",
                columns: new[] { "ReportId", "TakenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_status_reports_CorrectsId",
                table: "status_reports",
                column: "CorrectsId");

            migrationBuilder.CreateIndex(
                name: "IX_status_reports_Number",
                table: "status_reports",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_status_reports_UnitId_Period_Edition",
                table: "status_reports",
                columns: new[] { "UnitId", "Period", "Edition" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_status_reports_UnitId_PeriodEnd",
                table: "status_reports",
                columns: new[] { "UnitId", "PeriodEnd" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "independent_dcas");

            migrationBuilder.DropTable(
                name: "reporting_cycles");

            migrationBuilder.DropTable(
                name: "status_report_snapshots");

            migrationBuilder.DropTable(
                name: "status_reports");
        }
    }
}
