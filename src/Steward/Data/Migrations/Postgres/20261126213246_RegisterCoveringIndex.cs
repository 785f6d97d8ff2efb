using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steward.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RegisterCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_risks_UnitId_Status_Score_Likelihood_Impact",
                table: "risks");

            migrationBuilder.AlterColumn<string>(
                name: "Path",
                table: "delivery_units",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000);

            migrationBuilder.CreateIndex(
                name: "IX_risks_UnitId_Status_Score_Likelihood_Impact_Number",
                table: "risks",
                columns: new[] { "UnitId", "Status", "Score", "Likelihood", "Impact", "Number" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_risks_UnitId_Status_Score_Likelihood_Impact_Number",
                table: "risks");

            migrationBuilder.AlterColumn<string>(
                name: "Path",
                table: "delivery_units",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000,
                oldCollation: "C");

            migrationBuilder.CreateIndex(
                name: "IX_risks_UnitId_Status_Score_Likelihood_Impact",
                table: "risks",
                columns: new[] { "UnitId", "Status", "Score", "Likelihood", "Impact" });
        }
    }
}
