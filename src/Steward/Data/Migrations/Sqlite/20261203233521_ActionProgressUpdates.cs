using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steward.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ActionProgressUpdates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "action_progress_updates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WrittenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WrittenById = table.Column<Guid>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_action_progress_updates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_action_progress_updates_actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_action_progress_updates_people_WrittenById",
                        column: x => x.WrittenById,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_action_progress_updates_ActionId_CreatedAt",
                table: "action_progress_updates",
                columns: new[] { "ActionId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_action_progress_updates_WrittenById",
                table: "action_progress_updates",
                column: "WrittenById");

            // Progress kept so far becomes each action's first update, dated when the action was last changed
            // (the action's own id serves: one update per action, in another table).
            migrationBuilder.Sql("INSERT INTO action_progress_updates (Id, ActionId, WrittenOn, WrittenById, Text, CreatedAt) SELECT Id, Id, substr(UpdatedAt, 1, 10), NULL, Progress, UpdatedAt FROM actions WHERE Progress IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "action_progress_updates");
        }
    }
}
