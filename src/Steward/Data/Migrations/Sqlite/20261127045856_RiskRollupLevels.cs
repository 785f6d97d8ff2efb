using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steward.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RiskRollupLevels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "RollupLevel1Id",
                table: "risks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RollupLevel2Id",
                table: "risks",
                type: "TEXT",
                nullable: true);

            // Existing risks take the first two ids of their unit's path ("/{36-character id}/{id}/...");
            // Guids are upper-case text in SQLite and uuid in PostgreSQL, paths lower-case text.
            migrationBuilder.Sql(
                """
                UPDATE "risks" SET
                    "RollupLevel1Id" = (SELECT upper(substr(u."Path", 2, 36)) FROM "delivery_units" AS u WHERE u."Id" = "risks"."UnitId"),
                    "RollupLevel2Id" = (SELECT CASE WHEN length(u."Path") >= 75 THEN upper(substr(u."Path", 39, 36)) END FROM "delivery_units" AS u WHERE u."Id" = "risks"."UnitId");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_risks_RollupLevel1Id_Status_Score_Number",
                table: "risks",
                columns: new[] { "RollupLevel1Id", "Status", "Score", "Number" },
                descending: new[] { false, false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_risks_RollupLevel2Id_Status_Score_Number",
                table: "risks",
                columns: new[] { "RollupLevel2Id", "Status", "Score", "Number" },
                descending: new[] { false, false, true, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_risks_RollupLevel1Id_Status_Score_Number",
                table: "risks");

            migrationBuilder.DropIndex(
                name: "IX_risks_RollupLevel2Id_Status_Score_Number",
                table: "risks");

            migrationBuilder.DropColumn(
                name: "RollupLevel1Id",
                table: "risks");

            migrationBuilder.DropColumn(
                name: "RollupLevel2Id",
                table: "risks");
        }
    }
}
