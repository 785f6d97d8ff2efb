using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steward.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RaidEscalation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "EscalatedByHand",
                table: "risks",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "EscalatedToId",
                table: "risks",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EscalationReason",
                table: "risks",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "EscalatedByHand",
                table: "issues",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "EscalatedToId",
                table: "issues",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EscalationReason",
                table: "issues",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "raid_tolerances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    RiskScore = table.Column<int>(type: "integer", nullable: true),
                    IssuePriority = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                name: "IX_risks_EscalatedToId_Status",
                table: "risks",
                columns: new[] { "EscalatedToId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_issues_EscalatedToId_Status",
                table: "issues",
                columns: new[] { "EscalatedToId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_raid_tolerances_UnitId",
                table: "raid_tolerances",
                column: "UnitId",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_issues_delivery_units_EscalatedToId",
                table: "issues",
                column: "EscalatedToId",
                principalTable: "delivery_units",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_risks_delivery_units_EscalatedToId",
                table: "risks",
                column: "EscalatedToId",
                principalTable: "delivery_units",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_issues_delivery_units_EscalatedToId",
                table: "issues");

            migrationBuilder.DropForeignKey(
                name: "FK_risks_delivery_units_EscalatedToId",
                table: "risks");

            migrationBuilder.DropTable(
                name: "raid_tolerances");

            migrationBuilder.DropIndex(
                name: "IX_risks_EscalatedToId_Status",
                table: "risks");

            migrationBuilder.DropIndex(
                name: "IX_issues_EscalatedToId_Status",
                table: "issues");

            migrationBuilder.DropColumn(
                name: "EscalatedByHand",
                table: "risks");

            migrationBuilder.DropColumn(
                name: "EscalatedToId",
                table: "risks");

            migrationBuilder.DropColumn(
                name: "EscalationReason",
                table: "risks");

            migrationBuilder.DropColumn(
                name: "EscalatedByHand",
                table: "issues");

            migrationBuilder.DropColumn(
                name: "EscalatedToId",
                table: "issues");

            migrationBuilder.DropColumn(
                name: "EscalationReason",
                table: "issues");
        }
    }
}
