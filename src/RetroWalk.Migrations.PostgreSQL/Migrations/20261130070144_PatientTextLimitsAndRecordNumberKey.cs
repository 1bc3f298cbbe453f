using Microsoft.EntityFrameworkCore.Migrations;
using RetroWalk.Web.Data.Providers;

#nullable disable

namespace RetroWalk.Migrations.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class PatientTextLimitsAndRecordNumberKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Patients_ClinicId_RecordNumber",
                table: "Patients");

            migrationBuilder.AlterColumn<string>(
                name: "SearchText",
                table: "Patients",
                type: "character varying(1922)",
                maxLength: 1922,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(400)",
                oldMaxLength: 400);

            migrationBuilder.AlterColumn<string>(
                name: "RecordNumber",
                table: "Patients",
                type: "character varying(160)",
                maxLength: 160,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40);

            migrationBuilder.AlterColumn<string>(
                name: "Notes",
                table: "Patients",
                type: "character varying(16000)",
                maxLength: 16000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(4000)",
                oldMaxLength: 4000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "GivenName",
                table: "Patients",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "FamilyName",
                table: "Patients",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AddColumn<string>(
                name: "RecordNumberKey",
                table: "Patients",
                type: "character varying(160)",
                maxLength: 160,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Patients_ClinicId_RecordNumber",
                table: "Patients",
                columns: new[] { "ClinicId", "RecordNumber" });

            // Record numbers are unique by their key from now on ("rw-1001" is "RW-1001"): keys for the stored ones.
            migrationBuilder.Sql(PostgreSqlProvider.FillRecordNumberKeys);

            migrationBuilder.CreateIndex(
                name: "IX_Patients_ClinicId_RecordNumberKey",
                table: "Patients",
                columns: new[] { "ClinicId", "RecordNumberKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Patients_ClinicId_RecordNumber",
                table: "Patients");

            migrationBuilder.DropIndex(
                name: "IX_Patients_ClinicId_RecordNumberKey",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "RecordNumberKey",
                table: "Patients");

            migrationBuilder.AlterColumn<string>(
                name: "SearchText",
                table: "Patients",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(1922)",
                oldMaxLength: 1922);

            migrationBuilder.AlterColumn<string>(
                name: "RecordNumber",
                table: "Patients",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(160)",
                oldMaxLength: 160);

            migrationBuilder.AlterColumn<string>(
                name: "Notes",
                table: "Patients",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(16000)",
                oldMaxLength: 16000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "GivenName",
                table: "Patients",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(400)",
                oldMaxLength: 400);

            migrationBuilder.AlterColumn<string>(
                name: "FamilyName",
                table: "Patients",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(400)",
                oldMaxLength: 400);

            migrationBuilder.CreateIndex(
                name: "IX_Patients_ClinicId_RecordNumber",
                table: "Patients",
                columns: new[] { "ClinicId", "RecordNumber" },
                unique: true);
        }
    }
}
