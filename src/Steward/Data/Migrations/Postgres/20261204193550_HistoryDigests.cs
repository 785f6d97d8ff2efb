using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steward.Data.Migrations.Postgres
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
                    DigestSequence = table.Column<long>(type: "bigint", nullable: false),
                    RecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EventId = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: true),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_history_digest_heads", x => new { x.RecordId, x.DigestSequence });
                });

            migrationBuilder.CreateTable(
                name: "history_digests",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Instance = table.Column<Guid>(type: "uuid", nullable: false),
                    TakenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastEventId = table.Column<long>(type: "bigint", nullable: false),
                    Events = table.Column<long>(type: "bigint", nullable: false),
                    Records = table.Column<long>(type: "bigint", nullable: false),
                    Root = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Previous = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    KeyId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Document = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_history_digests", x => x.Sequence);
                });

            // Like the history, digests are append-only: the database itself refuses to change or remove one.
            migrationBuilder.Sql("""
                CREATE TRIGGER history_digests_no_change BEFORE UPDATE OR DELETE ON history_digests
                FOR EACH ROW EXECUTE FUNCTION history_events_append_only();
                CREATE TRIGGER history_digest_heads_no_change BEFORE UPDATE OR DELETE ON history_digest_heads
                FOR EACH ROW EXECUTE FUNCTION history_events_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS history_digests_no_change ON history_digests; DROP TRIGGER IF EXISTS history_digest_heads_no_change ON history_digest_heads;");
            migrationBuilder.DropTable(
                name: "history_digest_heads");

            migrationBuilder.DropTable(
                name: "history_digests");
        }
    }
}
