using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steward.Data.Migrations.Sqlite
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

            migrationBuilder.CreateIndex(
                name: "IX_risks_UnitId_Status_Score_Likelihood_Impact",
                table: "risks",
                columns: new[] { "UnitId", "Status", "Score", "Likelihood", "Impact" });
        }
    }
}
