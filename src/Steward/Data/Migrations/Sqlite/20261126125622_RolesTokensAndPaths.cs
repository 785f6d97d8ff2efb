using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steward.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "api_tokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IsReadOnly = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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

            // Existing units get their paths, walked down from the top; SQLite keeps ids as upper-case text,
            // and paths use the lower-case form .NET writes.
            migrationBuilder.Sql("""
                WITH RECURSIVE tree(Id, Path) AS (
                    SELECT Id, '/' || lower(Id) || '/' FROM delivery_units WHERE ParentId IS NULL
                    UNION ALL
                    SELECT u.Id, tree.Path || lower(u.Id) || '/' FROM delivery_units u JOIN tree ON u.ParentId = tree.Id)
                UPDATE delivery_units SET Path = (SELECT tree.Path FROM tree WHERE tree.Id = delivery_units.Id);
                """);

            // Administrators were a flag on the account; now they hold the Administrator role on the whole
            // department, which belongs to a person, so accounts without one get one.
            migrationBuilder.Sql("""
                INSERT INTO people (Id, Name, Email, RoleTitle, Version, CreatedAt, UpdatedAt)
                SELECT upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6))),
                       u.DisplayName, lower(u.Email), NULL, 1, strftime('%Y-%m-%d %H:%M:%f', 'now'), strftime('%Y-%m-%d %H:%M:%f', 'now')
                FROM users u
                WHERE u.PersonId IS NULL AND u.Email IS NOT NULL AND NOT EXISTS (SELECT 1 FROM people p WHERE p.Email = lower(u.Email));
                UPDATE users SET PersonId = (SELECT p.Id FROM people p WHERE p.Email = lower(users.Email)) WHERE PersonId IS NULL;
                INSERT INTO role_assignments (Id, PersonId, Role, UnitId, RevokedAt, Version, CreatedAt, UpdatedAt)
                SELECT upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6))),
                       PersonId, 'Administrator', NULL, NULL, 1, strftime('%Y-%m-%d %H:%M:%f', 'now'), strftime('%Y-%m-%d %H:%M:%f', 'now')
                FROM users WHERE IsAdministrator = 1 AND PersonId IS NOT NULL;
                """);

            // SQLite drops a plain column in place; EF's DropColumn would rebuild the table outside the
            // migration's transaction.
            migrationBuilder.Sql("ALTER TABLE users DROP COLUMN IsAdministrator;");
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }
    }
}
