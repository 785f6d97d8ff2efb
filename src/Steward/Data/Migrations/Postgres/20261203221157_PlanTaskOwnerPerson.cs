using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steward.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PlanTaskOwnerPerson : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "OwnerPersonId",
                table: "plan_tasks",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_plan_tasks_OwnerPersonId",
                table: "plan_tasks",
                column: "OwnerPersonId");

            migrationBuilder.AddForeignKey(
                name: "FK_plan_tasks_people_OwnerPersonId",
                table: "plan_tasks",
                column: "OwnerPersonId",
                principalTable: "people",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_plan_tasks_people_OwnerPersonId",
                table: "plan_tasks");

            migrationBuilder.DropIndex(
                name: "IX_plan_tasks_OwnerPersonId",
                table: "plan_tasks");

            migrationBuilder.DropColumn(
                name: "OwnerPersonId",
                table: "plan_tasks");
        }
    }
}
