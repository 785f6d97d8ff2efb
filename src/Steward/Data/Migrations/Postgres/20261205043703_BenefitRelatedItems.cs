using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steward.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BenefitRelatedItems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "benefit_related_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BenefitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_benefit_related_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_benefit_related_items_benefits_BenefitId",
                        column: x => x.BenefitId,
                        principalTable: "benefits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_benefit_related_items_BenefitId_Reference",
                table: "benefit_related_items",
                columns: new[] { "BenefitId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_benefit_related_items_ItemId",
                table: "benefit_related_items",
                column: "ItemId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "benefit_related_items");
        }
    }
}
