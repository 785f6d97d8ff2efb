using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steward.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RaidRegisters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assumptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Statement = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ImpactIfWrong = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ValidationDue = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    FollowUp = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    EscalatedToId = table.Column<Guid>(type: "uuid", nullable: true),
                    EscalatedByHand = table.Column<bool>(type: "boolean", nullable: false),
                    EscalationReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assumptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assumptions_delivery_units_EscalatedToId",
                        column: x => x.EscalatedToId,
                        principalTable: "delivery_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_assumptions_delivery_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "delivery_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_assumptions_people_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "dependencies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ProviderUnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    ExternalParty = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    NeededBy = table.Column<DateOnly>(type: "date", nullable: false),
                    CommittedDate = table.Column<DateOnly>(type: "date", nullable: true),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderOwnerId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    EscalatedToId = table.Column<Guid>(type: "uuid", nullable: true),
                    EscalatedByHand = table.Column<bool>(type: "boolean", nullable: false),
                    EscalationReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "raid_tolerances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    RiskScore = table.Column<int>(type: "integer", nullable: true),
                    IssuePriority = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    DependencyLateDays = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_raid_tolerances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_raid_tolerances_delivery_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "delivery_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "issues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Priority = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Impact = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    RaisedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    TargetResolutionDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Resolution = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Status = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RiskId = table.Column<Guid>(type: "uuid", nullable: true),
                    EscalatedToId = table.Column<Guid>(type: "uuid", nullable: true),
                    EscalatedByHand = table.Column<bool>(type: "boolean", nullable: false),
                    EscalationReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_issues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_issues_delivery_units_EscalatedToId",
                        column: x => x.EscalatedToId,
                        principalTable: "delivery_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_issues_delivery_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "delivery_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_issues_people_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "risks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Cause = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Event = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Effect = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Category = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    IsOpportunity = table.Column<bool>(type: "boolean", nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    RaisedById = table.Column<Guid>(type: "uuid", nullable: true),
                    RaisedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ProximityDate = table.Column<DateOnly>(type: "date", nullable: true),
                    InherentLikelihood = table.Column<int>(type: "integer", nullable: true),
                    InherentImpact = table.Column<int>(type: "integer", nullable: true),
                    Likelihood = table.Column<int>(type: "integer", nullable: false),
                    Impact = table.Column<int>(type: "integer", nullable: false),
                    TargetLikelihood = table.Column<int>(type: "integer", nullable: true),
                    TargetImpact = table.Column<int>(type: "integer", nullable: true),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    Response = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    NextReviewDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RealisedIssueId = table.Column<Guid>(type: "uuid", nullable: true),
                    EscalatedToId = table.Column<Guid>(type: "uuid", nullable: true),
                    EscalatedByHand = table.Column<bool>(type: "boolean", nullable: false),
                    EscalationReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_risks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_risks_delivery_units_EscalatedToId",
                        column: x => x.EscalatedToId,
                        principalTable: "delivery_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_risks_delivery_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "delivery_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_risks_issues_RealisedIssueId",
                        column: x => x.RealisedIssueId,
                        principalTable: "issues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_risks_people_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_risks_people_RaisedById",
                        column: x => x.RaisedById,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_assumptions_EscalatedToId_Status",
                table: "assumptions",
                columns: new[] { "EscalatedToId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_assumptions_Number",
                table: "assumptions",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assumptions_OwnerId",
                table: "assumptions",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_assumptions_UnitId_Status",
                table: "assumptions",
                columns: new[] { "UnitId", "Status" });

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

            migrationBuilder.CreateIndex(
                name: "IX_issues_EscalatedToId_Status",
                table: "issues",
                columns: new[] { "EscalatedToId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_issues_Number",
                table: "issues",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_issues_OwnerId",
                table: "issues",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_issues_RiskId",
                table: "issues",
                column: "RiskId");

            migrationBuilder.CreateIndex(
                name: "IX_issues_UnitId_Status_Priority",
                table: "issues",
                columns: new[] { "UnitId", "Status", "Priority" });

            migrationBuilder.CreateIndex(
                name: "IX_raid_tolerances_UnitId",
                table: "raid_tolerances",
                column: "UnitId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_risks_EscalatedToId_Status",
                table: "risks",
                columns: new[] { "EscalatedToId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_risks_Number",
                table: "risks",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_risks_OwnerId",
                table: "risks",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_risks_RaisedById",
                table: "risks",
                column: "RaisedById");

            migrationBuilder.CreateIndex(
                name: "IX_risks_RealisedIssueId",
                table: "risks",
                column: "RealisedIssueId");

            migrationBuilder.CreateIndex(
                name: "IX_risks_Status_NextReviewDate",
                table: "risks",
                columns: new[] { "Status", "NextReviewDate" });

            migrationBuilder.CreateIndex(
                name: "IX_risks_UnitId_Status_Score",
                table: "risks",
                columns: new[] { "UnitId", "Status", "Score" });

            migrationBuilder.AddForeignKey(
                name: "FK_issues_risks_RiskId",
                table: "issues",
                column: "RiskId",
                principalTable: "risks",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_issues_risks_RiskId",
                table: "issues");

            migrationBuilder.DropTable(
                name: "assumptions");

            migrationBuilder.DropTable(
                name: "dependencies");

            migrationBuilder.DropTable(
                name: "raid_tolerances");

            migrationBuilder.DropTable(
                name: "risks");

            migrationBuilder.DropTable(
                name: "issues");
        }
    }
}
