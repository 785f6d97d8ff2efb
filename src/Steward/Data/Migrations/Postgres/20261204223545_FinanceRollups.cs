using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steward.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FinanceRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "finance_rollups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Layer = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Category = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    P1 = table.Column<long>(type: "bigint", nullable: false),
                    P2 = table.Column<long>(type: "bigint", nullable: false),
                    P3 = table.Column<long>(type: "bigint", nullable: false),
                    P4 = table.Column<long>(type: "bigint", nullable: false),
                    P5 = table.Column<long>(type: "bigint", nullable: false),
                    P6 = table.Column<long>(type: "bigint", nullable: false),
                    P7 = table.Column<long>(type: "bigint", nullable: false),
                    P8 = table.Column<long>(type: "bigint", nullable: false),
                    P9 = table.Column<long>(type: "bigint", nullable: false),
                    P10 = table.Column<long>(type: "bigint", nullable: false),
                    P11 = table.Column<long>(type: "bigint", nullable: false),
                    P12 = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_finance_rollups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_finance_rollups_delivery_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "delivery_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_finance_rollups_UnitId_Layer_Category_Year",
                table: "finance_rollups",
                columns: new[] { "UnitId", "Layer", "Category", "Year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "finance_rollups");
        }
    }
}
