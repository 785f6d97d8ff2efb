using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steward.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RaidDependencies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DependencyLateDays",
                table: "raid_tolerances",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "dependencies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ProviderUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ExternalParty = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    NeededBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CommittedDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderOwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    EscalatedToId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EscalatedByHand = table.Column<bool>(type: "INTEGER", nullable: false),
                    EscalationReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dependencies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_dependencies_delivery_units_EscalatedToId",
                        column: x => x.EscalatedToId,
                        principalTable: "delivery_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_dependencies_delivery_units_ProviderUnitId",
                        column: x => x.ProviderUnitId,
                        principalTable: "delivery_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_dependencies_delivery_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "delivery_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_dependencies_people_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_dependencies_people_ProviderOwnerId",
                        column: x => x.ProviderOwnerId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dependencies_EscalatedToId_Status",
                table: "dependencies",
                columns: new[] { "EscalatedToId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_dependencies_Number",
                table: "dependencies",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dependencies_OwnerId",
                table: "dependencies",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_dependencies_ProviderOwnerId",
                table: "dependencies",
                column: "ProviderOwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_dependencies_ProviderUnitId_Status",
                table: "dependencies",
                columns: new[] { "ProviderUnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_dependencies_UnitId_Status",
                table: "dependencies",
                columns: new[] { "UnitId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dependencies");

            migrationBuilder.DropColumn(
                name: "DependencyLateDays",
                table: "raid_tolerances");
        }
    }
}
