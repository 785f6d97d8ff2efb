using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steward.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class History : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "history_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecordType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: true),
                    Changes = table.Column<string>(type: "TEXT", nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_history_events", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_history_events_At",
                table: "history_events",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_history_events_RecordId_Id",
                table: "history_events",
                columns: new[] { "RecordId", "Id" });

            // History is append-only: the database itself refuses to change or remove an event.
            migrationBuilder.Sql("CREATE TRIGGER history_events_no_update BEFORE UPDATE ON history_events BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER history_events_no_delete BEFORE DELETE ON history_events BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS history_events_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS history_events_no_delete;");
            migrationBuilder.DropTable(
                name: "history_events");
        }
    }
}
