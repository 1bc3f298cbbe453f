using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RetroWalk.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SessionsByProgrammeAndDate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_SessionRecord_ProgrammeId_Date",
                table: "SessionRecord",
                columns: new[] { "ProgrammeId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledSession_ProgrammeId_Date",
                table: "ScheduledSession",
                columns: new[] { "ProgrammeId", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SessionRecord_ProgrammeId_Date",
                table: "SessionRecord");

            migrationBuilder.DropIndex(
                name: "IX_ScheduledSession_ProgrammeId_Date",
                table: "ScheduledSession");
        }
    }
}
