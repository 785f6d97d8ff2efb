using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steward.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Benefits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "benefits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    OwningUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Nature = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Class = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    IsDisbenefit = table.Column<bool>(type: "INTEGER", nullable: false),
                    Kpi = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UnitOfMeasure = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    MeasuredBy = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Frequency = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    BaselineValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    BaselineDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TargetValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    TargetDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MonetisedValue = table.Column<long>(type: "INTEGER", nullable: true),
                    Confidence = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_benefits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_benefits_delivery_units_OwningUnitId",
                        column: x => x.OwningUnitId,
                        principalTable: "delivery_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_benefits_delivery_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "delivery_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_benefits_people_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_benefits_Number",
                table: "benefits",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_benefits_OwnerId",
                table: "benefits",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_benefits_OwningUnitId",
                table: "benefits",
                column: "OwningUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_benefits_UnitId_Number",
                table: "benefits",
                columns: new[] { "UnitId", "Number" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "benefits");
        }
    }
}
