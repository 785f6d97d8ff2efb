using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steward.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Plans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Start = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    MinutesPerDay = table.Column<int>(type: "integer", nullable: false),
                    Calendar = table.Column<string>(type: "text", nullable: true),
                    Finish = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ScheduledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plans_delivery_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "delivery_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "plan_baselines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SetBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SetAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_baselines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_baselines_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_links",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    PredecessorUid = table.Column<int>(type: "integer", nullable: false),
                    SuccessorUid = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    LagMinutes = table.Column<long>(type: "bigint", nullable: false),
                    LagElapsed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_links", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_links_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Uid = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    OutlineLevel = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Resources = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Summary = table.Column<bool>(type: "boolean", nullable: false),
                    Milestone = table.Column<bool>(type: "boolean", nullable: false),
                    ReportingLevel = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    DurationMinutes = table.Column<long>(type: "bigint", nullable: false),
                    DurationElapsed = table.Column<bool>(type: "boolean", nullable: false),
                    DurationFormat = table.Column<int>(type: "integer", nullable: false),
                    Constraint = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    ConstraintDate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Deadline = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ManualStart = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PercentComplete = table.Column<int>(type: "integer", nullable: false),
                    ActualStart = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ActualFinish = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EarlyStart = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EarlyFinish = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LateStart = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LateFinish = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    TotalFloatMinutes = table.Column<long>(type: "bigint", nullable: false),
                    FreeFloatMinutes = table.Column<long>(type: "bigint", nullable: false),
                    Critical = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_tasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_tasks_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_baseline_tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BaselineId = table.Column<Guid>(type: "uuid", nullable: false),
                    Uid = table.Column<int>(type: "integer", nullable: false),
                    Start = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Finish = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DurationMinutes = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_baseline_tasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_baseline_tasks_plan_baselines_BaselineId",
                        column: x => x.BaselineId,
                        principalTable: "plan_baselines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "milestone_forecasts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Forecast = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Previous = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_milestone_forecasts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_milestone_forecasts_delivery_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "delivery_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_milestone_forecasts_plan_tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "plan_tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_milestone_forecasts_TaskId_RecordedAt",
                table: "milestone_forecasts",
                columns: new[] { "TaskId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_milestone_forecasts_UnitId_RecordedAt",
                table: "milestone_forecasts",
                columns: new[] { "UnitId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_plan_baseline_tasks_BaselineId_Uid",
                table: "plan_baseline_tasks",
                columns: new[] { "BaselineId", "Uid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plan_baselines_PlanId_Number",
                table: "plan_baselines",
                columns: new[] { "PlanId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plan_links_PlanId_SuccessorUid_PredecessorUid",
                table: "plan_links",
                columns: new[] { "PlanId", "SuccessorUid", "PredecessorUid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plan_tasks_Milestone_ReportingLevel",
                table: "plan_tasks",
                columns: new[] { "Milestone", "ReportingLevel" });

            migrationBuilder.CreateIndex(
                name: "IX_plan_tasks_PlanId_Position",
                table: "plan_tasks",
                columns: new[] { "PlanId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_plan_tasks_PlanId_Uid",
                table: "plan_tasks",
                columns: new[] { "PlanId", "Uid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plans_UnitId",
                table: "plans",
                column: "UnitId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "milestone_forecasts");

            migrationBuilder.DropTable(
                name: "plan_baseline_tasks");

            migrationBuilder.DropTable(
                name: "plan_links");

            migrationBuilder.DropTable(
                name: "plan_tasks");

            migrationBuilder.DropTable(
                name: "plan_baselines");

            migrationBuilder.DropTable(
                name: "plans");
        }
    }
}
