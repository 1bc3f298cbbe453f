using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RetroWalk.Migrations.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class Sessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PrescriptionDecision",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ForSequence = table.Column<int>(type: "integer", nullable: false),
                    AfterRecordId = table.Column<Guid>(type: "uuid", nullable: true),
                    Action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SuggestedSpeedKmh = table.Column<decimal>(type: "numeric(6,3)", precision: 6, scale: 3, nullable: false),
                    SuggestedIncline = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    SuggestedMainMinutes = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    InclineUnit = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reasons = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Choice = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SpeedKmh = table.Column<decimal>(type: "numeric(6,3)", precision: 6, scale: 3, nullable: false),
                    Incline = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    MainMinutes = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    OverrideReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ClinicId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PrescriptionDecision", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PrescriptionDecision_Clinics_ClinicId",
                        column: x => x.ClinicId,
                        principalTable: "Clinics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PrescriptionDecision_Programme_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programme",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SessionRecord",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: true),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    StartTime = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    RestingHeartRate = table.Column<int>(type: "integer", nullable: true),
                    RestingSystolic = table.Column<int>(type: "integer", nullable: true),
                    RestingDiastolic = table.Column<int>(type: "integer", nullable: true),
                    PainBefore = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    ScreeningPassed = table.Column<bool>(type: "boolean", nullable: false),
                    ScreeningReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PlannedSpeedKmh = table.Column<decimal>(type: "numeric(6,3)", precision: 6, scale: 3, nullable: true),
                    PlannedMainMinutes = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    WarmUpMinutes = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    MainMinutes = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    CoolDownMinutes = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    StartSpeedKmh = table.Column<decimal>(type: "numeric(6,3)", precision: 6, scale: 3, nullable: true),
                    EndSpeedKmh = table.Column<decimal>(type: "numeric(6,3)", precision: 6, scale: 3, nullable: true),
                    Incline = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    InclineUnit = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Handrail = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Harness = table.Column<bool>(type: "boolean", nullable: true),
                    Rpe = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    PeakHeartRate = table.Column<int>(type: "integer", nullable: true),
                    HeartRateAfter = table.Column<int>(type: "integer", nullable: true),
                    SystolicAfter = table.Column<int>(type: "integer", nullable: true),
                    DiastolicAfter = table.Column<int>(type: "integer", nullable: true),
                    PainAfter = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    AdverseEventsJson = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    IdempotencyKey = table.Column<Guid>(type: "uuid", nullable: false),
                    ClinicId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionRecord", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionRecord_Clinics_ClinicId",
                        column: x => x.ClinicId,
                        principalTable: "Clinics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SessionRecord_Programme_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programme",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PrescriptionDecision_ClinicId",
                table: "PrescriptionDecision",
                column: "ClinicId");

            migrationBuilder.CreateIndex(
                name: "IX_PrescriptionDecision_ProgrammeId_ForSequence",
                table: "PrescriptionDecision",
                columns: new[] { "ProgrammeId", "ForSequence" });

            migrationBuilder.CreateIndex(
                name: "IX_SessionRecord_ClinicId_Date",
                table: "SessionRecord",
                columns: new[] { "ClinicId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_SessionRecord_ClinicId_IdempotencyKey",
                table: "SessionRecord",
                columns: new[] { "ClinicId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SessionRecord_ProgrammeId_Sequence",
                table: "SessionRecord",
                columns: new[] { "ProgrammeId", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PrescriptionDecision");

            migrationBuilder.DropTable(
                name: "SessionRecord");
        }
    }
}
