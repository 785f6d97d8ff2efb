using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steward.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CrossUnitLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "plan_cross_unit_links",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SuccessorUid = table.Column<int>(type: "INTEGER", nullable: false),
                    PredecessorPlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PredecessorUid = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    LagMinutes = table.Column<long>(type: "INTEGER", nullable: false),
                    LagElapsed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_cross_unit_links", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_cross_unit_links_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_plan_cross_unit_links_plans_PredecessorPlanId",
                        column: x => x.PredecessorPlanId,
                        principalTable: "plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_plan_cross_unit_links_PlanId_SuccessorUid_PredecessorPlanId_PredecessorUid",
                table: "plan_cross_unit_links",
                columns: new[] { "PlanId", "SuccessorUid", "PredecessorPlanId", "PredecessorUid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plan_cross_unit_links_PredecessorPlanId_PredecessorUid",
                table: "plan_cross_unit_links",
                columns: new[] { "PredecessorPlanId", "PredecessorUid" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "plan_cross_unit_links");
        }
    }
}
