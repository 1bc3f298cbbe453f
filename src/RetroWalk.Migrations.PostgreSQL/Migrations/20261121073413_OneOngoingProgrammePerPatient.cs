using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RetroWalk.Migrations.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class OneOngoingProgrammePerPatient : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Programme_PatientId",
                table: "Programme");

            migrationBuilder.CreateIndex(
                name: "IX_Programmes_OneOngoingPerPatient",
                table: "Programme",
                column: "PatientId",
                unique: true,
                filter: "\"Status\" IN ('Planned', 'Active', 'Paused')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Programmes_OneOngoingPerPatient",
                table: "Programme");

            migrationBuilder.CreateIndex(
                name: "IX_Programme_PatientId",
                table: "Programme",
                column: "PatientId");
        }
    }
}
