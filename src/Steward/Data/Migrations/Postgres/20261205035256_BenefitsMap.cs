using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steward.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BenefitsMap : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "benefit_map_links",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromKind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    FromId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToKind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    ToId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_benefit_map_links", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "business_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_business_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_business_changes_delivery_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "delivery_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "strategic_objectives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_strategic_objectives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_strategic_objectives_delivery_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "delivery_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_benefit_map_links_FromId_ToId",
                table: "benefit_map_links",
                columns: new[] { "FromId", "ToId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_benefit_map_links_ToId",
                table: "benefit_map_links",
                column: "ToId");

            migrationBuilder.CreateIndex(
                name: "IX_benefit_map_links_UnitId",
                table: "benefit_map_links",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_business_changes_Number",
                table: "business_changes",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_business_changes_UnitId_Number",
                table: "business_changes",
                columns: new[] { "UnitId", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_strategic_objectives_Number",
                table: "strategic_objectives",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_strategic_objectives_UnitId_Number",
                table: "strategic_objectives",
                columns: new[] { "UnitId", "Number" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "benefit_map_links");

            migrationBuilder.DropTable(
                name: "business_changes");

            migrationBuilder.DropTable(
                name: "strategic_objectives");
        }
    }
}
