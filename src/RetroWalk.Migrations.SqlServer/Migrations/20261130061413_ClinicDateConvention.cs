using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RetroWalk.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ClinicDateConvention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Existing clinics keep the convention every page used so far: "Mon 30 Nov 2026", 24-hour times.
            migrationBuilder.AddColumn<string>(
                name: "DateStyle",
                table: "Clinics",
                type: "nvarchar(24)",
                maxLength: 24,
                nullable: false,
                defaultValue: "WeekdayDayMonthYear");

            migrationBuilder.AddColumn<string>(
                name: "TimeStyle",
                table: "Clinics",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "TwentyFourHour");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DateStyle",
                table: "Clinics");

            migrationBuilder.DropColumn(
                name: "TimeStyle",
                table: "Clinics");
        }
    }
}
