using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steward.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HistoryDigests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "history_digest_heads",
                columns: table => new
                {
                    DigestSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EventId = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: true),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_history_digest_heads", x => new { x.RecordId, x.DigestSequence });
                });

            migrationBuilder.CreateTable(
                name: "history_digests",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Instance = table.Column<Guid>(type: "TEXT", nullable: false),
                    TakenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastEventId = table.Column<long>(type: "INTEGER", nullable: false),
                    Events = table.Column<long>(type: "INTEGER", nullable: false),
                    Records = table.Column<long>(type: "INTEGER", nullable: false),
                    Root = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Previous = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Document = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_history_digests", x => x.Sequence);
                });

            // Like the history, digests are append-only: the database itself refuses to change or remove one.
            foreach (var table in new[] { "history_digests", "history_digest_heads" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;");
                migrationBuilder.Sql($"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "history_digests", "history_digest_heads" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_no_update; DROP TRIGGER IF EXISTS {table}_no_delete;");
            }

            migrationBuilder.DropTable(
                name: "history_digest_heads");

            migrationBuilder.DropTable(
                name: "history_digests");
        }
    }
}
