using Microsoft.EntityFrameworkCore.Migrations;
using RetroWalk.Web.Data.Providers;

#nullable disable

namespace RetroWalk.Migrations.SqlServer.Migrations
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
                type: "nvarchar(1922)",
                maxLength: 1922,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(400)",
                oldMaxLength: 400);

            migrationBuilder.AlterColumn<string>(
                name: "RecordNumber",
                table: "Patients",
                type: "nvarchar(160)",
                maxLength: 160,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(40)",
                oldMaxLength: 40);

            migrationBuilder.AlterColumn<string>(
                name: "Notes",
                table: "Patients",
                type: "nvarchar(max)",
                maxLength: 16000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(4000)",
                oldMaxLength: 4000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "GivenName",
                table: "Patients",
                type: "nvarchar(400)",
                maxLength: 400,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(100)",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "FamilyName",
                table: "Patients",
                type: "nvarchar(400)",
                maxLength: 400,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(100)",
                oldMaxLength: 100);

            migrationBuilder.AddColumn<string>(
                name: "RecordNumberKey",
                table: "Patients",
                type: "nvarchar(160)",
                maxLength: 160,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Patients_ClinicId_RecordNumber",
                table: "Patients",
                columns: new[] { "ClinicId", "RecordNumber" });

            // Record numbers are unique by their key from now on ("rw-1001" is "RW-1001"): keys for the stored ones.
            migrationBuilder.Sql(SqlServerProvider.FillRecordNumberKeys);

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
                type: "nvarchar(400)",
                maxLength: 400,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(1922)",
                oldMaxLength: 1922);

            migrationBuilder.AlterColumn<string>(
                name: "RecordNumber",
                table: "Patients",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(160)",
                oldMaxLength: 160);

            migrationBuilder.AlterColumn<string>(
                name: "Notes",
                table: "Patients",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(max)",
                oldMaxLength: 16000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "GivenName",
                table: "Patients",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(400)",
                oldMaxLength: 400);

            migrationBuilder.AlterColumn<string>(
                name: "FamilyName",
                table: "Patients",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(400)",
                oldMaxLength: 400);

            migrationBuilder.CreateIndex(
                name: "IX_Patients_ClinicId_RecordNumber",
                table: "Patients",
                columns: new[] { "ClinicId", "RecordNumber" },
                unique: true);
        }
    }
}
