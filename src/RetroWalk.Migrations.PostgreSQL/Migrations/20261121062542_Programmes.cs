using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RetroWalk.Migrations.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class Programmes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SpeedUnit",
                table: "Clinics",
                type: "character varying(24)",
                maxLength: 24,
                nullable: false,
                defaultValue: "KilometresPerHour");

            migrationBuilder.CreateTable(
                name: "Protocol",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Indication = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    SourceTemplateKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CurrentVersionNumber = table.Column<int>(type: "integer", nullable: false),
                    ArchivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ArchivedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ClinicId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Protocol", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Protocol_Clinics_ClinicId",
                        column: x => x.ClinicId,
                        principalTable: "Clinics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProtocolVersion",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProtocolId = table.Column<Guid>(type: "uuid", nullable: false),
                    VersionNumber = table.Column<int>(type: "integer", nullable: false),
                    DefinitionJson = table.Column<string>(type: "text", nullable: false),
                    ClinicId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProtocolVersion", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProtocolVersion_Clinics_ClinicId",
                        column: x => x.ClinicId,
                        principalTable: "Clinics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProtocolVersion_Protocol_ProtocolId",
                        column: x => x.ProtocolId,
                        principalTable: "Protocol",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Programme",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProtocolId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProtocolVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProtocolName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProtocolVersionNumber = table.Column<int>(type: "integer", nullable: false),
                    TherapistUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    TherapistName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    TrainingDays = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PausedFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    DiscontinuedReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClinicId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Programme", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Programme_Clinics_ClinicId",
                        column: x => x.ClinicId,
                        principalTable: "Clinics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Programme_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Programme_ProtocolVersion_ProtocolVersionId",
                        column: x => x.ProtocolVersionId,
                        principalTable: "ProtocolVersion",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Programme_Protocol_ProtocolId",
                        column: x => x.ProtocolId,
                        principalTable: "Protocol",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ScheduledSession",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Week = table.Column<int>(type: "integer", nullable: false),
                    DoseSequence = table.Column<int>(type: "integer", nullable: false),
                    IsMakeUp = table.Column<bool>(type: "boolean", nullable: false),
                    ReplacesSequence = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SpeedKmh = table.Column<decimal>(type: "numeric(6,3)", precision: 6, scale: 3, nullable: false),
                    Incline = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    InclineUnit = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    WarmUpMinutes = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    MainMinutes = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    CoolDownMinutes = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    ClinicId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScheduledSession", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScheduledSession_Clinics_ClinicId",
                        column: x => x.ClinicId,
                        principalTable: "Clinics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScheduledSession_Programme_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programme",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Programme_ClinicId_PatientId",
                table: "Programme",
                columns: new[] { "ClinicId", "PatientId" });

            migrationBuilder.CreateIndex(
                name: "IX_Programme_ClinicId_TherapistUserId_Status",
                table: "Programme",
                columns: new[] { "ClinicId", "TherapistUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Programme_PatientId",
                table: "Programme",
                column: "PatientId");

            migrationBuilder.CreateIndex(
                name: "IX_Programme_ProtocolId",
                table: "Programme",
                column: "ProtocolId");

            migrationBuilder.CreateIndex(
                name: "IX_Programme_ProtocolVersionId",
                table: "Programme",
                column: "ProtocolVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Protocol_ClinicId_Name",
                table: "Protocol",
                columns: new[] { "ClinicId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_ProtocolVersion_ClinicId",
                table: "ProtocolVersion",
                column: "ClinicId");

            migrationBuilder.CreateIndex(
                name: "IX_ProtocolVersion_ProtocolId_VersionNumber",
                table: "ProtocolVersion",
                columns: new[] { "ProtocolId", "VersionNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledSession_ClinicId_Date",
                table: "ScheduledSession",
                columns: new[] { "ClinicId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledSession_ProgrammeId_Sequence",
                table: "ScheduledSession",
                columns: new[] { "ProgrammeId", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ScheduledSession");

            migrationBuilder.DropTable(
                name: "Programme");

            migrationBuilder.DropTable(
                name: "ProtocolVersion");

            migrationBuilder.DropTable(
                name: "Protocol");

            migrationBuilder.DropColumn(
                name: "SpeedUnit",
                table: "Clinics");
        }
    }
}
