using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steward.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Governance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "boards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ChairId = table.Column<Guid>(type: "uuid", nullable: false),
                    TermsOfReference = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Cadence = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_boards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_boards_delivery_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "delivery_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_boards_people_ChairId",
                        column: x => x.ChairId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "calendar_feeds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    SecretHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Prefix = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_feeds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_calendar_feeds_delivery_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "delivery_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_calendar_feeds_users_UserId",
                        column: x => x.UserId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "board_members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BoardId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_board_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_board_members_boards_BoardId",
                        column: x => x.BoardId,
                        principalTable: "boards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_board_members_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BoardId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: false),
                    Location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Minutes = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_meetings_boards_BoardId",
                        column: x => x.BoardId,
                        principalTable: "boards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "agenda_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    PresenterId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agenda_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_agenda_items_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_agenda_items_people_PresenterId",
                        column: x => x.PresenterId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Rationale = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    OptionsConsidered = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    BoardId = table.Column<Guid>(type: "uuid", nullable: true),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedById = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_decisions_boards_BoardId",
                        column: x => x.BoardId,
                        principalTable: "boards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_decisions_delivery_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "delivery_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_decisions_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_decisions_people_DecidedById",
                        column: x => x.DecidedById,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "meeting_attendees",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Attendance = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_attendees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_meeting_attendees_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_meeting_attendees_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "actions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Progress = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: true),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: true),
                    RiskId = table.Column<Guid>(type: "uuid", nullable: true),
                    IssueId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_actions_decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_actions_delivery_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "delivery_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_actions_issues_IssueId",
                        column: x => x.IssueId,
                        principalTable: "issues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_actions_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_actions_people_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_actions_risks_RiskId",
                        column: x => x.RiskId,
                        principalTable: "risks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "decision_links",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decision_links", x => x.Id);
                    table.ForeignKey(
                        name: "FK_decision_links_decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_decision_links_delivery_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "delivery_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_actions_DecisionId",
                table: "actions",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_actions_IssueId",
                table: "actions",
                column: "IssueId");

            migrationBuilder.CreateIndex(
                name: "IX_actions_MeetingId",
                table: "actions",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_actions_Number",
                table: "actions",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_actions_OwnerId",
                table: "actions",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_actions_RiskId",
                table: "actions",
                column: "RiskId");

            migrationBuilder.CreateIndex(
                name: "IX_actions_UnitId_Status_DueOn",
                table: "actions",
                columns: new[] { "UnitId", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_agenda_items_MeetingId_Position",
                table: "agenda_items",
                columns: new[] { "MeetingId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_agenda_items_PresenterId",
                table: "agenda_items",
                column: "PresenterId");

            migrationBuilder.CreateIndex(
                name: "IX_board_members_BoardId_PersonId",
                table: "board_members",
                columns: new[] { "BoardId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_board_members_PersonId",
                table: "board_members",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_boards_ChairId",
                table: "boards",
                column: "ChairId");

            migrationBuilder.CreateIndex(
                name: "IX_boards_UnitId_Name",
                table: "boards",
                columns: new[] { "UnitId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_calendar_feeds_SecretHash",
                table: "calendar_feeds",
                column: "SecretHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_calendar_feeds_UnitId",
                table: "calendar_feeds",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_calendar_feeds_UserId_UnitId",
                table: "calendar_feeds",
                columns: new[] { "UserId", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_decision_links_DecisionId_ItemId",
                table: "decision_links",
                columns: new[] { "DecisionId", "ItemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_decision_links_ItemId",
                table: "decision_links",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_decision_links_UnitId",
                table: "decision_links",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_decisions_BoardId",
                table: "decisions",
                column: "BoardId");

            migrationBuilder.CreateIndex(
                name: "IX_decisions_DecidedById",
                table: "decisions",
                column: "DecidedById");

            migrationBuilder.CreateIndex(
                name: "IX_decisions_MeetingId",
                table: "decisions",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_decisions_Number",
                table: "decisions",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_decisions_UnitId_DecidedOn",
                table: "decisions",
                columns: new[] { "UnitId", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_meeting_attendees_MeetingId_PersonId",
                table: "meeting_attendees",
                columns: new[] { "MeetingId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_meeting_attendees_PersonId",
                table: "meeting_attendees",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_meetings_BoardId_StartsAt",
                table: "meetings",
                columns: new[] { "BoardId", "StartsAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "actions");

            migrationBuilder.DropTable(
                name: "agenda_items");

            migrationBuilder.DropTable(
                name: "board_members");

            migrationBuilder.DropTable(
                name: "calendar_feeds");

            migrationBuilder.DropTable(
                name: "decision_links");

            migrationBuilder.DropTable(
                name: "meeting_attendees");

            migrationBuilder.DropTable(
                name: "decisions");

            migrationBuilder.DropTable(
                name: "meetings");

            migrationBuilder.DropTable(
                name: "boards");
        }
    }
}
