using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steward.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Gmpp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "gmpp_memberships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    GmppId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Category = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Department = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Joined = table.Column<DateOnly>(type: "date", nullable: true),
                    Left = table.Column<DateOnly>(type: "date", nullable: true),
                    DcaCommentary = table.Column<string>(type: "character varying(32767)", maxLength: 32767, nullable: true),
                    ScheduleNarrative = table.Column<string>(type: "character varying(32767)", maxLength: 32767, nullable: true),
                    VarianceNarrative = table.Column<string>(type: "character varying(32767)", maxLength: 32767, nullable: true),
                    WholeLifeCostNarrative = table.Column<string>(type: "character varying(32767)", maxLength: 32767, nullable: true),
                    BenefitsNarrative = table.Column<string>(type: "character varying(32767)", maxLength: 32767, nullable: true),
                    Withheld = table.Column<string>(type: "character varying(32767)", maxLength: 32767, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gmpp_memberships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_gmpp_memberships_delivery_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "delivery_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "gmpp_snapshots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    AsAt = table.Column<DateOnly>(type: "date", nullable: false),
                    Source = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    PublishedName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    PublishedDepartment = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    PublishedCategory = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    FinancialYear = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true),
                    Description = table.Column<string>(type: "character varying(32767)", maxLength: 32767, nullable: true),
                    DcaScale = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    IpaDca = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    SroDca = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    DcaCommentary = table.Column<string>(type: "character varying(32767)", maxLength: 32767, nullable: true),
                    Start = table.Column<DateOnly>(type: "date", nullable: true),
                    End = table.Column<DateOnly>(type: "date", nullable: true),
                    ScheduleNarrative = table.Column<string>(type: "character varying(32767)", maxLength: 32767, nullable: true),
                    YearBaseline = table.Column<decimal>(type: "numeric", nullable: true),
                    YearForecast = table.Column<decimal>(type: "numeric", nullable: true),
                    YearVariancePercent = table.Column<decimal>(type: "numeric", nullable: true),
                    VarianceNarrative = table.Column<string>(type: "character varying(32767)", maxLength: 32767, nullable: true),
                    WholeLifeCost = table.Column<decimal>(type: "numeric", nullable: true),
                    WholeLifeCostLow = table.Column<decimal>(type: "numeric", nullable: true),
                    WholeLifeCostHigh = table.Column<decimal>(type: "numeric", nullable: true),
                    WholeLifeCostNarrative = table.Column<string>(type: "character varying(32767)", maxLength: 32767, nullable: true),
                    Benefits = table.Column<decimal>(type: "numeric", nullable: true),
                    BenefitsNarrative = table.Column<string>(type: "character varying(32767)", maxLength: 32767, nullable: true),
                    FieldNotes = table.Column<string>(type: "text", nullable: true),
                    FileDigest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gmpp_snapshots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_gmpp_snapshots_delivery_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "delivery_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_gmpp_memberships_GmppId",
                table: "gmpp_memberships",
                column: "GmppId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_gmpp_memberships_UnitId",
                table: "gmpp_memberships",
                column: "UnitId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_gmpp_snapshots_UnitId_AsAt_Source",
                table: "gmpp_snapshots",
                columns: new[] { "UnitId", "AsAt", "Source" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "gmpp_memberships");

            migrationBuilder.DropTable(
                name: "gmpp_snapshots");
        }
    }
}
