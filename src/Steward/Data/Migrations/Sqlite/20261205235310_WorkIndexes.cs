using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steward.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorkIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_risks_OwnerId",
                table: "risks");

            migrationBuilder.DropIndex(
                name: "IX_issues_OwnerId",
                table: "issues");

            migrationBuilder.DropIndex(
                name: "IX_dependencies_OwnerId",
                table: "dependencies");

            migrationBuilder.DropIndex(
                name: "IX_dependencies_ProviderOwnerId",
                table: "dependencies");

            migrationBuilder.DropIndex(
                name: "IX_assumptions_OwnerId",
                table: "assumptions");

            migrationBuilder.DropIndex(
                name: "IX_actions_OwnerId",
                table: "actions");

            migrationBuilder.CreateIndex(
                name: "IX_risks_OwnerId_Status_NextReviewDate",
                table: "risks",
                columns: new[] { "OwnerId", "Status", "NextReviewDate" });

            migrationBuilder.CreateIndex(
                name: "IX_issues_OwnerId_Status_TargetResolutionDate",
                table: "issues",
                columns: new[] { "OwnerId", "Status", "TargetResolutionDate" });

            migrationBuilder.CreateIndex(
                name: "IX_dependencies_OwnerId_Status",
                table: "dependencies",
                columns: new[] { "OwnerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_dependencies_ProviderOwnerId_Status",
                table: "dependencies",
                columns: new[] { "ProviderOwnerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_assumptions_OwnerId_Status_ValidationDue",
                table: "assumptions",
                columns: new[] { "OwnerId", "Status", "ValidationDue" });

            migrationBuilder.CreateIndex(
                name: "IX_actions_OwnerId_Status_DueOn",
                table: "actions",
                columns: new[] { "OwnerId", "Status", "DueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_risks_OwnerId_Status_NextReviewDate",
                table: "risks");

            migrationBuilder.DropIndex(
                name: "IX_issues_OwnerId_Status_TargetResolutionDate",
                table: "issues");

            migrationBuilder.DropIndex(
                name: "IX_dependencies_OwnerId_Status",
                table: "dependencies");

            migrationBuilder.DropIndex(
                name: "IX_dependencies_ProviderOwnerId_Status",
                table: "dependencies");

            migrationBuilder.DropIndex(
                name: "IX_assumptions_OwnerId_Status_ValidationDue",
                table: "assumptions");

            migrationBuilder.DropIndex(
                name: "IX_actions_OwnerId_Status_DueOn",
                table: "actions");

            migrationBuilder.CreateIndex(
                name: "IX_risks_OwnerId",
                table: "risks",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_issues_OwnerId",
                table: "issues",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_dependencies_OwnerId",
                table: "dependencies",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_dependencies_ProviderOwnerId",
                table: "dependencies",
                column: "ProviderOwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_assumptions_OwnerId",
                table: "assumptions",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_actions_OwnerId",
                table: "actions",
                column: "OwnerId");
        }
    }
}
