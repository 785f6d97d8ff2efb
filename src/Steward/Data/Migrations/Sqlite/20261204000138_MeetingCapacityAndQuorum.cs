using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steward.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MeetingCapacityAndQuorum : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Capacity",
                table: "meeting_attendees",
                type: "TEXT",
                maxLength: 60,
                nullable: false,
                defaultValue: "Member");

            migrationBuilder.AddColumn<Guid>(
                name: "DeputyForId",
                table: "meeting_attendees",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Quorum",
                table: "boards",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_meeting_attendees_DeputyForId",
                table: "meeting_attendees",
                column: "DeputyForId");

            migrationBuilder.AddForeignKey(
                name: "FK_meeting_attendees_people_DeputyForId",
                table: "meeting_attendees",
                column: "DeputyForId",
                principalTable: "people",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_meeting_attendees_people_DeputyForId",
                table: "meeting_attendees");

            migrationBuilder.DropIndex(
                name: "IX_meeting_attendees_DeputyForId",
                table: "meeting_attendees");

            migrationBuilder.DropColumn(
                name: "Capacity",
                table: "meeting_attendees");

            migrationBuilder.DropColumn(
                name: "DeputyForId",
                table: "meeting_attendees");

            migrationBuilder.DropColumn(
                name: "Quorum",
                table: "boards");
        }
    }
}
