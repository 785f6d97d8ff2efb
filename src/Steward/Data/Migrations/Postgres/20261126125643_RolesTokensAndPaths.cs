using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steward.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RolesTokensAndPaths : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Path",
                table: "delivery_units",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "api_tokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Prefix = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IsReadOnly = table.Column<bool>(type: "boolean", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_tokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_api_tokens_users_UserId",
                        column: x => x.UserId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "role_assignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_role_assignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_role_assignments_delivery_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "delivery_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_role_assignments_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_delivery_units_Path",
                table: "delivery_units",
                column: "Path");

            migrationBuilder.CreateIndex(
                name: "IX_api_tokens_Hash",
                table: "api_tokens",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_api_tokens_UserId",
                table: "api_tokens",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_role_assignments_PersonId_RevokedAt",
                table: "role_assignments",
                columns: new[] { "PersonId", "RevokedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_role_assignments_UnitId_RevokedAt",
                table: "role_assignments",
                columns: new[] { "UnitId", "RevokedAt" });

            // Existing units get their paths, walked down from the top.
            migrationBuilder.Sql("""
                WITH RECURSIVE tree AS (
                    SELECT "Id", '/' || "Id"::text || '/' AS path FROM delivery_units WHERE "ParentId" IS NULL
                    UNION ALL
                    SELECT u."Id", tree.path || u."Id"::text || '/' FROM delivery_units u JOIN tree ON u."ParentId" = tree."Id")
                UPDATE delivery_units d SET "Path" = tree.path FROM tree WHERE tree."Id" = d."Id";
                """);

            // Administrators were a flag on the account; now they hold the Administrator role on the whole
            // department, which belongs to a person, so accounts without one get one.
            migrationBuilder.Sql("""
                INSERT INTO people ("Id", "Name", "Email", "RoleTitle", "Version", "CreatedAt", "UpdatedAt")
                SELECT gen_random_uuid(), u."DisplayName", lower(u."Email"), NULL, 1, now(), now()
                FROM users u
                WHERE u."PersonId" IS NULL AND u."Email" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM people p WHERE p."Email" = lower(u."Email"));
                UPDATE users SET "PersonId" = (SELECT p."Id" FROM people p WHERE p."Email" = lower(users."Email")) WHERE "PersonId" IS NULL;
                INSERT INTO role_assignments ("Id", "PersonId", "Role", "UnitId", "RevokedAt", "Version", "CreatedAt", "UpdatedAt")
                SELECT gen_random_uuid(), "PersonId", 'Administrator', NULL, NULL, 1, now(), now()
                FROM users WHERE "IsAdministrator" AND "PersonId" IS NOT NULL;
                """);

            migrationBuilder.DropColumn(
                name: "IsAdministrator",
                table: "users");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "api_tokens");

            migrationBuilder.DropTable(
                name: "role_assignments");

            migrationBuilder.DropIndex(
                name: "IX_delivery_units_Path",
                table: "delivery_units");

            migrationBuilder.DropColumn(
                name: "Path",
                table: "delivery_units");

            migrationBuilder.AddColumn<bool>(
                name: "IsAdministrator",
                table: "users",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }
    }
}
