using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steward.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ExceptionReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "exception_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Dimension = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Forecast = table.Column<bool>(type: "boolean", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Limit = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Evidence = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RaisedToId = table.Column<Guid>(type: "uuid", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    OpenKey = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Cause = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Consequences = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Options = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Recommendation = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Lessons = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SubmittedBy = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exception_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_exception_reports_decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_exception_reports_delivery_units_RaisedToId",
                        column: x => x.RaisedToId,
                        principalTable: "delivery_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_exception_reports_delivery_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "delivery_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_exception_reports_DecisionId",
                table: "exception_reports",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_exception_reports_Number",
                table: "exception_reports",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_exception_reports_RaisedToId_State",
                table: "exception_reports",
                columns: new[] { "RaisedToId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_exception_reports_State_OpenedAt",
                table: "exception_reports",
                columns: new[] { "State", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_exception_reports_UnitId_OpenKey",
                table: "exception_reports",
                columns: new[] { "UnitId", "OpenKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "exception_reports");
        }
    }
}
