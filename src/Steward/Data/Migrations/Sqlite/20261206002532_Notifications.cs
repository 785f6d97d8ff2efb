using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steward.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Notifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_risks_OwnerId",
                table: "risks");

            migrationBuilder.DropIndex(
                name: "IX_issues_OwnerId",
                table: "issues");

            migrationBuilder.DropIndex(
                name: "IX_dependencies_OwnerId",
                table: "dependencies");

            migrationBuilder.DropIndex(
                name: "IX_dependencies_ProviderOwnerId",
                table: "dependencies");

            migrationBuilder.DropIndex(
                name: "IX_assumptions_OwnerId",
                table: "assumptions");

            migrationBuilder.DropIndex(
                name: "IX_actions_OwnerId",
                table: "actions");

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: false),
                    Items = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inbox_messages_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "job_runs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Job = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Node = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_job_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notification_digest_days",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Items = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notification_digest_days", x => new { x.PersonId, x.Day });
                    table.ForeignKey(
                        name: "FK_notification_digest_days_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "notification_items_told",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemKey = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notification_items_told", x => new { x.PersonId, x.ItemKey });
                    table.ForeignKey(
                        name: "FK_notification_items_told_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "notification_settings",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DigestAt = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Choices = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    EmailRefusedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EmailRefusedAddress = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    EmailRefusedReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notification_settings", x => x.PersonId);
                    table.ForeignKey(
                        name: "FK_notification_settings_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "outgoing_emails",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InboxMessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: false),
                    Html = table.Column<string>(type: "TEXT", maxLength: 400000, nullable: false),
                    Kinds = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    GaveUpAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outgoing_emails", x => x.Id);
                    table.ForeignKey(
                        name: "FK_outgoing_emails_inbox_messages_InboxMessageId",
                        column: x => x.InboxMessageId,
                        principalTable: "inbox_messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_outgoing_emails_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_risks_OwnerId_Status_NextReviewDate",
                table: "risks",
                columns: new[] { "OwnerId", "Status", "NextReviewDate" });

            migrationBuilder.CreateIndex(
                name: "IX_issues_OwnerId_Status_TargetResolutionDate",
                table: "issues",
                columns: new[] { "OwnerId", "Status", "TargetResolutionDate" });

            migrationBuilder.CreateIndex(
                name: "IX_dependencies_OwnerId_Status",
                table: "dependencies",
                columns: new[] { "OwnerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_dependencies_ProviderOwnerId_Status",
                table: "dependencies",
                columns: new[] { "ProviderOwnerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_assumptions_OwnerId_Status_ValidationDue",
                table: "assumptions",
                columns: new[] { "OwnerId", "Status", "ValidationDue" });

            migrationBuilder.CreateIndex(
                name: "IX_actions_OwnerId_Status_DueOn",
                table: "actions",
                columns: new[] { "OwnerId", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_inbox_messages_PersonId_Id",
                table: "inbox_messages",
                columns: new[] { "PersonId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_inbox_messages_PersonId_ReadAt",
                table: "inbox_messages",
                columns: new[] { "PersonId", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_job_runs_Job_StartedAt",
                table: "job_runs",
                columns: new[] { "Job", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_outgoing_emails_InboxMessageId",
                table: "outgoing_emails",
                column: "InboxMessageId");

            migrationBuilder.CreateIndex(
                name: "IX_outgoing_emails_PersonId",
                table: "outgoing_emails",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_outgoing_emails_SentAt_GaveUpAt_NextAttemptAt",
                table: "outgoing_emails",
                columns: new[] { "SentAt", "GaveUpAt", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "job_runs");

            migrationBuilder.DropTable(
                name: "notification_digest_days");

            migrationBuilder.DropTable(
                name: "notification_items_told");

            migrationBuilder.DropTable(
                name: "notification_settings");

            migrationBuilder.DropTable(
                name: "outgoing_emails");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropIndex(
                name: "IX_risks_OwnerId_Status_NextReviewDate",
                table: "risks");

            migrationBuilder.DropIndex(
                name: "IX_issues_OwnerId_Status_TargetResolutionDate",
                table: "issues");

            migrationBuilder.DropIndex(
                name: "IX_dependencies_OwnerId_Status",
                table: "dependencies");

            migrationBuilder.DropIndex(
                name: "IX_dependencies_ProviderOwnerId_Status",
                table: "dependencies");

            migrationBuilder.DropIndex(
                name: "IX_assumptions_OwnerId_Status_ValidationDue",
                table: "assumptions");

            migrationBuilder.DropIndex(
                name: "IX_actions_OwnerId_Status_DueOn",
                table: "actions");

            migrationBuilder.CreateIndex(
                name: "IX_risks_OwnerId",
                table: "risks",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_issues_OwnerId",
                table: "issues",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_dependencies_OwnerId",
                table: "dependencies",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_dependencies_ProviderOwnerId",
                table: "dependencies",
                column: "ProviderOwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_assumptions_OwnerId",
                table: "assumptions",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_actions_OwnerId",
                table: "actions",
                column: "OwnerId");
        }
    }
}
