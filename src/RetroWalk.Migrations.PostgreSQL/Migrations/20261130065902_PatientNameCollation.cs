using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RetroWalk.Migrations.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class PatientNameCollation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "GivenName",
                table: "Patients",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                collation: "und-x-icu",
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "FamilyName",
                table: "Patients",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                collation: "und-x-icu",
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "GivenName",
                table: "Patients",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldCollation: "und-x-icu");

            migrationBuilder.AlterColumn<string>(
                name: "FamilyName",
                table: "Patients",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldCollation: "und-x-icu");
        }
    }
}
